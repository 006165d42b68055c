"""Site-wide search.

The lower modules (`text`, `fulltext`, `highlight`) belong to the core: apps import them
to build their search keys and querysets. `views` is a portal page on top of the apps and
is imported only by the URLconf.
"""
