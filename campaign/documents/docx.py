"""The motion as a Word document: real headings, lettered lists Word and LibreOffice number
themselves, and a signature block. Every text goes in as a run, so it is never read as markup."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from functools import cache

from docx import Document
from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.oxml.text.font import CT_RPr
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph
from lxml import etree

from campaign.documents.motion import MotionDocument

FONT = "Arial"
LANGUAGE = "nl-NL"
INDENT_TWIPS = 567  # 1 cm: the letter hangs in the margin of its clause


def _lettered_list_definition(document: DocxDocument) -> int:
    """Add an abstract numbering 'a.', 'b.', … to the document and return its id."""
    numbering = document.part.numbering_part.element
    ids = [int(n.get(qn("w:abstractNumId"))) for n in numbering.findall(qn("w:abstractNum"))]
    abstract_id = max(ids, default=0) + 1
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), str(abstract_id))
    level = OxmlElement("w:lvl")
    level.set(qn("w:ilvl"), "0")
    for tag, value in (
        ("w:start", "1"),
        ("w:numFmt", "lowerLetter"),
        ("w:lvlText", "%1."),
        ("w:lvlJc", "left"),
    ):
        element = OxmlElement(tag)
        element.set(qn("w:val"), value)
        level.append(element)
    paragraph_properties = OxmlElement("w:pPr")
    indent = OxmlElement("w:ind")
    indent.set(qn("w:left"), str(INDENT_TWIPS))
    indent.set(qn("w:hanging"), str(INDENT_TWIPS))
    paragraph_properties.append(indent)
    level.append(paragraph_properties)
    abstract.append(level)
    # The schema wants every abstractNum before the first num.
    first_num = numbering.find(qn("w:num"))
    if first_num is None:
        numbering.append(abstract)
    else:
        first_num.addprevious(abstract)
    return abstract_id


def _list_starting_at(document: DocxDocument, abstract_id: int, start: int) -> int:
    """A list instance of the lettered definition that starts at letter number `start`."""
    num = document.part.numbering_part.element.add_num(abstract_id)
    num.add_lvlOverride(ilvl=0).add_startOverride(start)
    return int(num.numId)


def _paragraph(
    document: DocxDocument, text: str, bold: bool = False, space_after: int = 6
) -> Paragraph:
    paragraph = document.add_paragraph()
    run = paragraph.add_run(text)
    run.bold = bold
    paragraph.paragraph_format.space_after = Pt(space_after)
    return paragraph


KEPT_STYLES = {
    "Normal",
    "Heading1",
    "Heading2",
    "Heading1Char",
    "Heading2Char",
    "DefaultParagraphFont",
    "TableNormal",
    "NoList",
}


def _drop_unused_parts(document: DocxDocument) -> None:
    """python-docx's blank template carries 800 kB of styles Word and LibreOffice rebuild
    themselves; without them each motion is smaller and three times faster to write."""
    styles = document.styles.element
    for element in list(styles):
        if element.tag == qn("w:latentStyles") or (
            element.tag == qn("w:style") and element.get(qn("w:styleId")) not in KEPT_STYLES
        ):
            styles.remove(element)
    for rel_id, rel in list(document.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            document.part.drop_rel(rel_id)
    package_rels = document.part.package.rels
    for rel_id, rel in list(package_rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            del package_rels[rel_id]


def _set_font_and_language(run_properties: CT_RPr) -> None:
    """One font for every script and Dutch as the language, in a w:rPr.

    The theme attributes (asciiTheme, …) are dropped: where both are present they win over
    the named font, and LibreOffice then shows the headings in the theme's font.
    """
    fonts = run_properties.get_or_add_rFonts()
    fonts.attrib.clear()
    for script in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{script}"), FONT)
    language = run_properties.find(qn("w:lang"))
    if language is None:
        language = OxmlElement("w:lang")
        run_properties.insert_element_before(
            language, "w:eastAsianLayout", "w:specVanish", "w:oMath"
        )
    language.set(qn("w:val"), LANGUAGE)
    language.set(qn("w:eastAsia"), LANGUAGE)
    color = run_properties.color
    if color is not None and color.get(qn("w:themeColor")) is not None:
        run_properties.remove(color)
        run_properties.get_or_add_color().set(qn("w:val"), "000000")


def _use_one_font_in_dutch(document: DocxDocument) -> None:
    """Arial and Dutch in the document defaults, in every style and in the theme, so Word and
    LibreOffice show one font family and check the spelling as Dutch."""
    styles = document.styles.element
    default_run = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    _set_font_and_language(default_run)
    for style in styles.findall(qn("w:style")):
        kind = style.get(qn("w:type"))
        # "Default Paragraph Font" stays empty: it means "what the paragraph has".
        is_default_character_style = kind == "character" and style.get(qn("w:default")) == "1"
        if kind in ("paragraph", "character") and not is_default_character_style:
            _set_font_and_language(style.get_or_add_rPr())
    settings = document.settings.element
    for theme_language in settings.findall(qn("w:themeFontLang")):
        theme_language.attrib.clear()
        theme_language.set(qn("w:val"), LANGUAGE)
    # The template says its spelling was checked; let Word check the Dutch text itself.
    for proof_state in settings.findall(qn("w:proofState")):
        settings.remove(proof_state)
    theme_part = document.part.part_related_by(RELATIONSHIP_TYPE.THEME)
    theme = parse_xml(theme_part.blob)
    drawing = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    for latin in theme.iter(f"{drawing}latin"):
        latin.set("typeface", FONT)
    theme_part._blob = etree.tostring(
        theme, xml_declaration=True, encoding="UTF-8", standalone=True
    )


@cache
def _base_document() -> bytes:
    """Styles, page size and the lettered list definition, prepared once per process."""
    document = Document()
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(11)
    normal.paragraph_format.widow_control = True
    for style_name in ("Heading 1", "Heading 2"):
        heading_font = document.styles[style_name].font
        heading_font.name = FONT
        heading_font.color.rgb = RGBColor(0, 0, 0)
    # "Ondertekening" is a real heading (for navigation) that looks like the other parts'
    # headings: bold in the body's size, as in the PDF.
    signing = document.styles["Heading 2"]
    signing.font.size, signing.font.bold = Pt(11), True
    # The title opens the first page: no space above it, some below.
    title_format = document.styles["Heading 1"].paragraph_format
    title_format.space_before, title_format.space_after = Pt(0), Pt(12)
    for page in document.sections:
        page.page_height, page.page_width = Cm(29.7), Cm(21.0)
        page.left_margin = page.right_margin = Cm(2.5)
    _lettered_list_definition(document)
    _drop_unused_parts(document)
    _use_one_font_in_dutch(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def dutch_document(title: str) -> DocxDocument:
    """An empty document in the motion's styles (Arial, Dutch spelling), for the campaign's
    other Word files such as the background sheet."""
    document = Document(io.BytesIO(_base_document()))
    properties = document.core_properties
    properties.title = title
    properties.author = properties.last_modified_by = "KinderpardonNU"
    properties.language = LANGUAGE
    # python-docx's blank template says it was made in 2013; this file is made now.
    properties.created = properties.modified = datetime.now(UTC)
    properties.revision = 1
    return document


def _lettered_list_id(document: DocxDocument) -> int:
    numbering = document.part.numbering_part.element
    return max(int(n.get(qn("w:abstractNumId"))) for n in numbering.findall(qn("w:abstractNum")))


def build_docx(motion: MotionDocument) -> bytes:
    document = dutch_document(f"{motion.title} – {motion.gemeente}")
    heading_1, heading_2 = document.styles["Heading 1"], document.styles["Heading 2"]
    properties = document.core_properties
    properties.subject = "Motie Pleidooi voor gewortelde kinderen"
    properties.comments = motion.version_note

    document.add_paragraph(style=heading_1).add_run(motion.title)
    if motion.agenda_item:
        _paragraph(document, f"Agendapunt: {motion.agenda_item}")
    _paragraph(document, motion.heading_line, space_after=12)
    _paragraph(document, motion.opening, space_after=12)

    abstract_id = _lettered_list_id(document)
    for section in motion.sections:
        # A heading and the intro of a section go to the next page with its first clause.
        heading = _paragraph(document, section.heading, bold=True, space_after=4)
        heading.paragraph_format.keep_with_next = True
        if section.intro:
            intro = _paragraph(document, section.intro, space_after=4)
            intro.paragraph_format.keep_with_next = True
        if not section.clauses:
            continue
        num_id = _list_starting_at(document, abstract_id, section.clauses[0].number)
        for clause in section.clauses:
            paragraph = _paragraph(document, clause.text)
            numbering = paragraph._p.get_or_add_pPr().get_or_add_numPr()
            numbering.get_or_add_ilvl().val = 0
            numbering.get_or_add_numId().val = num_id
        paragraph.paragraph_format.space_after = Pt(12)

    # The end of the last clause, the closing formula and the signatures share a page, so no
    # page holds only signatures: each paragraph keeps with the next, up to the last name.
    closing_block = [document.paragraphs[-1], _paragraph(document, motion.closing, space_after=18)]
    closing_block.append(document.add_paragraph(style=heading_2))
    closing_block[-1].add_run("Ondertekening")
    closing_block.append(_paragraph(document, motion.indieners_line, space_after=12))
    for name in motion.signature_lines:
        # Room to sign above each line, as in the PDF.
        line = _paragraph(document, "_" * 40, space_after=0)
        line.paragraph_format.space_before = Pt(36)
        closing_block.extend((line, _paragraph(document, name or "naam", space_after=0)))
    for paragraph in closing_block:
        paragraph.paragraph_format.keep_together = True
        paragraph.paragraph_format.keep_with_next = paragraph is not closing_block[-1]

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
