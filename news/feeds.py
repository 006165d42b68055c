from django.contrib.syndication.views import Feed

from news.models import Article


class LatestArticlesFeed(Feed):
    title = "Tin tức"
    link = "/tin-tuc/"

    def items(self):
        return Article.objects.published().for_listing().newest_first()[:30]
