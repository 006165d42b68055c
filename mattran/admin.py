from django.contrib import admin

from mattran.models import Body, Membership, Person, ResidentialArea, Term, WardSettings


@admin.register(WardSettings)
class WardSettingsAdmin(admin.ModelAdmin):
    list_display = ["committee_name", "ward_name", "phone", "email"]

    def has_add_permission(self, request):
        return not WardSettings.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ResidentialArea)
class ResidentialAreaAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "order"]
    list_editable = ["order"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Body)
class BodyAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "area", "order"]
    list_filter = ["kind"]
    list_select_related = ["area"]
    search_fields = ["name"]


@admin.register(Term)
class TermAdmin(admin.ModelAdmin):
    list_display = ["__str__", "start_year", "end_year"]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["full_name", "title"]
    search_fields = ["full_name", "search_name", "title"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["person", "position", "body", "term"]
    list_filter = ["position", "body", "term"]
    list_select_related = ["person", "body", "term"]
    autocomplete_fields = ["person"]
