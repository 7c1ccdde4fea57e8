"""A bibliography of notices in French (ISO 690 style), as text and HTML. Pure Python."""

from html import escape


def _names(notice):
    people = [a.get("name", "").strip() for a in notice.get("authors") or [] if a.get("name")]
    if len(people) > 3:
        return f"{people[0]} et al."
    return " ; ".join(people)


def reference_parts(notice):
    """(authors, title, rest) of the reference of one contract dict."""
    title = notice.get("title", "").strip()
    if notice.get("subtitle"):
        title = f"{title} : {notice['subtitle'].strip()}"
    rest = []
    if notice.get("series_title"):
        rest.append(f"In : {notice['series_title']}")
    if notice.get("edition"):
        rest.append(notice["edition"])
    imprint = " : ".join(v for v in (notice.get("place"), notice.get("publisher")) if v)
    if notice.get("year"):
        imprint = f"{imprint}, {notice['year']}" if imprint else str(notice["year"])
    if imprint:
        rest.append(imprint)
    if notice.get("collation"):
        rest.append(notice["collation"])
    if notice.get("collection"):
        number = notice.get("collection_number")
        rest.append(f"({notice['collection']}{' ; ' + number if number else ''})")
    for isbn in notice.get("isbn") or []:
        rest.append(f"ISBN {isbn}")
    if notice.get("issn"):
        rest.append(f"ISSN {notice['issn']}")
    return _names(notice), title, rest


def format_reference(notice, url=None):
    """One reference as plain text, e.g. "Dupont, Anne. Lire : guide. Paris : Érès, 2012."""
    names, title, rest = reference_parts(notice)
    text = ". ".join(p.rstrip(".") for p in [names, title, *rest] if p) + "."
    if url:
        text += f" <{url}>"
    return text


def format_reference_html(notice, url=None):
    names, title, rest = reference_parts(notice)
    parts = [escape(names)] if names else []
    title_html = f"<cite>{escape(title)}</cite>"
    if url:
        title_html = f'<a href="{escape(url)}">{title_html}</a>'
    parts.append(title_html)
    parts.extend(escape(p.rstrip(".")) for p in rest)
    return ". ".join(parts) + "."


def bibliography_text(entries):
    """Numbered plain-text bibliography of [(notice dict, url)]."""
    return "\n\n".join(
        f"{n}. {format_reference(notice, url)}" for n, (notice, url) in enumerate(entries, 1)
    )


def bibliography_html(entries):
    items = "\n".join(f"<li>{format_reference_html(notice, url)}</li>" for notice, url in entries)
    return f'<ol class="rt-bibliography">\n{items}\n</ol>'
