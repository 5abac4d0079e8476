"""Port slugs: the file name of a port's GeoPackage, derived from the port's name.

A slug becomes ``<data folder>/<slug>.gpkg``, a file analysts copy between Windows, macOS and Linux
machines for years. So a slug is plain lower-case ASCII letters, digits and single hyphens, short,
never a name Windows reserves, and the path built from it can never leave the data folder.
"""
import re
import unicodedata
from pathlib import Path

from .errors import InputError
from .messages import QT_TR_NOOP

SLUG_MAX_LEN = 64
PORT_FILE_SUFFIX = ".gpkg"
SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# Windows refuses these as file names, with or without an extension ("con.gpkg" too).
WINDOWS_RESERVED = frozenset(
    ["con", "prn", "aux", "nul"]
    + [f"com{i}" for i in range(1, 10)]
    + [f"lpt{i}" for i in range(1, 10)]
)

# Letters that NFKD does not split into base letter + accent.
_TRANSLITERATE = str.maketrans(
    {"ß": "ss", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "œ": "oe", "Œ": "OE", "đ": "d", "Đ": "D",
     "ł": "l", "Ł": "L", "þ": "th", "Þ": "TH", "ð": "d", "Ð": "D", "ı": "i"}
)


class SlugError(InputError):
    """A port name or slug that cannot name a port file; the message says why and what to do."""


def slugify(name) -> str:
    """The slug of a port name: "Nampho (Nampo)" -> "nampho-nampo"; accents are transliterated.

    Raises SlugError when nothing usable is left (e.g. a name in Korean script only) or the result is
    a reserved name, so a port never gets a file name the analyst did not see coming.
    """
    if not isinstance(name, str):
        raise SlugError(QT_TR_NOOP("Port name {name!r} is not text; give the port a name such as 'Nampho'."),
                        name=name)
    decomposed = unicodedata.normalize("NFKD", name.translate(_TRANSLITERATE))
    ascii_text = decomposed.encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    if not slug:
        raise SlugError(
            QT_TR_NOOP("Port name {name!r} has no Latin letters or digits to make a file name from; "
                       "give the port a name in Latin letters, e.g. 'Rason' for '라선'."), name=name
        )
    if len(slug) > SLUG_MAX_LEN:
        slug = slug[:SLUG_MAX_LEN].rstrip("-")
    if slug in WINDOWS_RESERVED:
        raise SlugError(
            QT_TR_NOOP("Port name {name!r} would give the file name '{slug}{PORT_FILE_SUFFIX}', which Windows "
                       "reserves; choose another name, e.g. add the town: "
                       "'{stripped} port'."),
            name=name, slug=slug, PORT_FILE_SUFFIX=PORT_FILE_SUFFIX, stripped=name.strip()
        )
    return slug


def validate_slug(slug, existing=()) -> str:
    """Return ``slug`` if it can name a port file, else raise SlugError naming the value.

    ``existing`` holds the slugs already in use; a duplicate (ignoring case) is refused because two
    ports would then write into one file.
    """
    if not isinstance(slug, str):
        raise SlugError(QT_TR_NOOP("Port slug {slug!r} is not text."), slug=slug)
    if not slug.strip():
        raise SlugError(QT_TR_NOOP("Port slug {slug!r} is empty; give the port a name such as 'Nampho'."),
                        slug=slug)
    if "/" in slug or "\\" in slug or ".." in slug or ":" in slug or "\x00" in slug:
        raise SlugError(
            QT_TR_NOOP("Port slug {slug!r} contains a path separator, ':' or '..'; a slug names one file inside "
                       "the data folder. Use letters, digits and hyphens only, e.g. 'nampho'."), slug=slug
        )
    if len(slug) > SLUG_MAX_LEN:
        raise SlugError(
            QT_TR_NOOP("Port slug {start!r}... is {length} characters long; the limit is {SLUG_MAX_LEN}."),
            start=slug[:20], length=len(slug), SLUG_MAX_LEN=SLUG_MAX_LEN
        )
    if not SLUG_PATTERN.match(slug):
        raise SlugError(
            QT_TR_NOOP("Port slug {slug!r} must be lower-case ASCII letters and digits joined by single hyphens, "
                       "e.g. 'nampho' or 'rason-pier-3' (try {suggestion!r})."),
            slug=slug, suggestion=_suggest(slug)
        )
    if slug in WINDOWS_RESERVED:
        raise SlugError(
            QT_TR_NOOP("Port slug {slug!r} is a name Windows reserves for a device ('{slug}{PORT_FILE_SUFFIX}' "
                       "cannot be opened there); choose another, e.g. "
                       "'{slug}-port'."), slug=slug, PORT_FILE_SUFFIX=PORT_FILE_SUFFIX
        )
    taken = {s.lower() for s in existing}
    if slug.lower() in taken:
        raise SlugError(
            QT_TR_NOOP("Port slug {slug!r} is already used by another port; two ports cannot share one file. "
                       "Choose a different port name."), slug=slug
        )
    return slug


def _suggest(slug):
    try:
        return slugify(slug)
    except SlugError:
        return "nampho"


def port_file_path(data_folder, slug) -> Path:
    """The absolute path ``<data_folder>/<slug>.gpkg``, guaranteed to lie inside the data folder.

    Both paths are resolved (symbolic links followed) before the check, so neither a crafted slug nor
    a link planted in the folder can send a write elsewhere.
    """
    validate_slug(slug)
    if data_folder is None or not str(data_folder).strip():
        raise SlugError(QT_TR_NOOP("No data folder is set; choose a folder for the port files first."))
    folder = Path(data_folder).expanduser().resolve()
    candidate = (folder / f"{slug}{PORT_FILE_SUFFIX}").resolve()
    if candidate.parent != folder:
        raise SlugError(
            QT_TR_NOOP("The port file for slug {slug!r} resolves to {candidate}, outside the data folder "
                       "{folder} (a symbolic link?); remove the link or choose another data folder."),
            slug=slug, candidate=candidate, folder=folder
        )
    return candidate
