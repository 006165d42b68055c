import pytest

from mattran.lib.names import sort_key, split_name
from mattran.models import Person


def by_vietnamese_order(names):
    return sorted(names, key=sort_key)


def test_given_name_comes_first():
    assert by_vietnamese_order(["Nguyễn Văn An", "Lê Thuý Lan", "Trần Bình"]) == [
        "Nguyễn Văn An",
        "Trần Bình",
        "Lê Thuý Lan",
    ]


def test_same_given_name_falls_back_to_family_name_then_middle():
    assert by_vietnamese_order(["Trần Thị Hoa", "Lê Văn Hoa", "Lê Thị Hoa"]) == [
        "Lê Thị Hoa",
        "Lê Văn Hoa",
        "Trần Thị Hoa",
    ]


@pytest.mark.parametrize(
    ("earlier", "later"),
    [
        ("Lê An", "Lê Ăn"),  # a < ă
        ("Lê Ăn", "Lê Ân"),  # ă < â
        ("Lê Ân", "Lê Bình"),  # â < b
        ("Lê Dũng", "Lê Đức"),  # d < đ, whatever follows
        ("Lê Đức", "Lê Em"),  # đ < e
        ("Lê Em", "Lê Ên"),  # e < ê
        ("Lê Oanh", "Lê Ông"),  # o < ô
        ("Lê Ông", "Lê Ơn"),  # ô < ơ
        ("Lê Uyên", "Lê Ưng"),  # u < ư
        ("Lê Ưng", "Lê Vân"),  # ư < v
    ],
)
def test_vietnamese_letters_sort_after_their_base_letter(earlier, later):
    assert sort_key(earlier) < sort_key(later)


def test_tones_count_after_the_letters_in_dictionary_order():
    # ngang, huyền, hỏi, ngã, sắc, nặng; and "Lanh" after every tone of "Lan".
    names = ["Lê Lanh", "Lê Lạn", "Lê Lán", "Lê Lãn", "Lê Lản", "Lê Làn", "Lê Lan"]
    assert by_vietnamese_order(names) == [
        "Lê Lan",
        "Lê Làn",
        "Lê Lản",
        "Lê Lãn",
        "Lê Lán",
        "Lê Lạn",
        "Lê Lanh",
    ]


def test_old_and_new_tone_placement_are_the_same_name():
    assert sort_key("Lê Thuý Lan") == sort_key("Lê Thúy Lan")
    assert sort_key("Hoà") == sort_key("Hòa")


def test_composed_and_decomposed_input_sort_alike():
    decomposed = "Le\u0302 Thu\u0301y Lan"
    assert sort_key(decomposed) == sort_key("Lê Thúy Lan")


def test_shorter_name_first_when_one_extends_the_other():
    assert sort_key("Lê Lan") < sort_key("Lê Văn Lan")
    assert sort_key("Lê Lan") < sort_key("Lê Lanh")


def test_split_name_takes_the_last_word_as_given_name():
    assert split_name("  Lê   Thuý Lan ") == ("Lan", "Lê Thuý")
    assert split_name("") == ("", "")


@pytest.mark.django_db
def test_the_database_orders_people_the_vietnamese_way():
    for name in ["Đinh Văn Công", "Lê Thuý Lan", "Hoàng Xuân Dĩa", "Trần Dũng", "Lâm Văn Gạo"]:
        Person.objects.create(full_name=name)

    assert [p.full_name for p in Person.objects.all()] == [
        "Đinh Văn Công",
        "Hoàng Xuân Dĩa",
        "Trần Dũng",
        "Lâm Văn Gạo",
        "Lê Thuý Lan",
    ]


@pytest.mark.django_db
def test_thuy_with_either_tone_placement_finds_the_same_person():
    lan = Person.objects.create(full_name="Lê Thuý Lan")

    assert list(Person.objects.search("Thúy Lan")) == [lan]
    assert list(Person.objects.search("thuy lan")) == [lan]
    assert list(Person.objects.search("Thuý")) == [lan]
