"""The PDF report's language: QGIS's, when the installed fonts can write it; English otherwise.

A print layout (Qt) and its chart (matplotlib) draw a missing glyph as an empty box, so a Korean report
without a font covering Hangul would be unreadable. The report is therefore translated only when Qt's
font database has a family for the language's writing system AND matplotlib finds a font with its
glyphs; otherwise it is written in English and says so once (``notice``), in the analyst's language.
"""
from dataclasses import dataclass
from typing import Callable, Optional

from qgis.PyQt.QtGui import QFontDatabase

from ..translation import QT_TR_NOOP, message_text, tr
from ..core.messages import Message

# language code -> (Qt writing system, the language's name, a sample glyph, a Debian font package)
NEEDS_FONT = {
    "ko": (QFontDatabase.WritingSystem.Korean, QT_TR_NOOP("Korean"), "\ud55c", "fonts-noto-cjk"),
}
FALLBACK_NOTICE = QT_TR_NOOP("The report is in English: no installed font covers {language}; install e.g. "
                             "{package}.")
_told = set()


@dataclass(frozen=True)
class ReportLanguage:
    """``text`` writes a report string (``tr`` or English as is); ``chart_family`` matplotlib's font that
    covers the language (None: its default); ``notice`` the fallback's explanation, empty when translated.
    The layout's text needs no family: Qt falls back per glyph to a font that has it."""

    text: Callable[[str], str]
    chart_family: Optional[str]
    notice: str


def translated_language() -> str:
    """The language of the installed plugin translation ('' when none is: English)."""
    probe = "Heaps"
    if tr(probe) == probe:
        return ""
    from ..translation import qgis_locale

    return qgis_locale().split("_")[0]


def qt_families(writing_system) -> list:
    """Qt's font families able to write ``writing_system`` (the real database of this machine)."""
    return list(QFontDatabase().families(writing_system))


def matplotlib_family(glyph: str) -> Optional[str]:
    """An installed font family matplotlib can draw ``glyph`` with ("" when matplotlib is missing: no
    chart is drawn then; None when no font has it)."""
    try:
        from matplotlib import font_manager
        from matplotlib.ft2font import FT2Font
    except ImportError:
        return ""
    manager = font_manager.fontManager
    for attempt in range(2):
        for entry in sorted(manager.ttflist, key=lambda e: ("Coding" in e.name, e.name)):
            try:
                if FT2Font(entry.fname).get_char_index(ord(glyph)):
                    return entry.name
            except (OSError, RuntimeError, ValueError):
                continue
        if attempt == 0:  # matplotlib's font cache predates a font installed since: add the new files
            known = {entry.fname for entry in manager.ttflist}
            for path in font_manager.findSystemFonts():
                if path not in known and path.lower().endswith((".ttf", ".otf")):
                    try:
                        manager.addfont(path)
                    except (OSError, RuntimeError, ValueError):
                        continue
    return None


def report_language(language: Optional[str] = None, families=qt_families,
                    chart_family=matplotlib_family) -> ReportLanguage:
    """How the report is written for ``language`` (default: the installed translation's). ``families`` and
    ``chart_family`` look the fonts up (this machine's real databases unless a caller says otherwise)."""
    language = translated_language() if language is None else language
    if language not in NEEDS_FONT:
        return ReportLanguage(tr if language else str, None, "")
    writing_system, name, glyph, package = NEEDS_FONT[language]
    chart = chart_family(glyph)
    if families(writing_system) and chart is not None:
        return ReportLanguage(tr, chart or None, "")
    notice = message_text(Message(FALLBACK_NOTICE, language=Message(name), package=package))
    return ReportLanguage(str, None, notice)


def tell_once(report: ReportLanguage, say: Callable[[str], None]) -> None:
    """Give the fallback's notice to ``say`` the first time this session (a log line)."""
    if report.notice and report.notice not in _told:
        _told.add(report.notice)
        say(report.notice)
