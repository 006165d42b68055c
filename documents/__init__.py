"""Văn bản: the committee's official documents (số ký hiệu, ngày ban hành, a PDF or DOCX).

Part of the core app (app label "mattran"); `mattran/models.py` imports the model.
"""
