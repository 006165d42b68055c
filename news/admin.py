from django.contrib import admin

from news.forms import ArticleAdminForm
from news.models import Article, Category


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "order", "show_on_home"]
    list_editable = ["order", "show_on_home"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    form = ArticleAdminForm
    list_display = [
        "title",
        "category",
        "status",
        "published_at",
        "featured",
        "view_count",
    ]
    list_filter = ["status", "featured", "category"]
    list_select_related = ["category"]
    search_fields = ["title", "sapo"]
    date_hierarchy = "published_at"
    show_full_result_count = False
    autocomplete_fields = ["category"]
    readonly_fields = ["view_count", "created_at", "updated_at"]
