"""Editing the structured fields (authors, speakers) as rows: the grid widget and
its French templates, the converter that reads rows stored by earlier versions,
and the REST deserializer with French messages.  The fields themselves are in
``rt.infodoc.content.rows``; the shapes in ``rt.infodoc.content.structured``."""
