"""Which scene an image is, from the image itself: the same file under another name or folder is the
same scene, two files that share a name are two scenes, and one web basemap is one scene per capture
date the analyst gives.

A local file's identity is a fingerprint of its first bytes and its size (reading a whole 2 GB image
to name it would stall the panel); an image header holds its dimensions, georeferencing and the first
tiles, which differ between any two scenes.
"""
import hashlib
import os
from datetime import datetime, timezone
from pathlib import Path
from typing import Optional
from urllib.parse import urlsplit

from .errors import InputError
from .messages import QT_TR_NOOP

FINGERPRINT_BYTES = 64 * 1024
FINGERPRINT_SHOWN_HEX = 8
WEB_TIME_FORMAT = "%Y-%m-%dT%H:%MZ"


def file_fingerprint(path) -> str:
    """sha1 (hex) of the file's size and its first FINGERPRINT_BYTES: stable when the file is copied,
    moved or renamed, different when its content differs."""
    p = Path(path)
    try:
        size = os.stat(p).st_size
        with open(p, "rb") as f:
            head = f.read(FINGERPRINT_BYTES)
    except OSError as exc:
        raise InputError(QT_TR_NOOP("{path}: cannot be read to identify the scene ({reason})."),
                         path=p, reason=exc.strerror or exc) from None
    digest = hashlib.sha1(str(size).encode("ascii") + b"\0", usedforsecurity=False)  # an identity, not a secret
    digest.update(head)
    return digest.hexdigest()


def local_scene_id(path, provider_scene_id: Optional[str] = None) -> str:
    """The provider's scene id when the metadata gives one, else "<file stem> (<8 hex of the
    fingerprint>)": readable, and not fooled by two files of one name."""
    if provider_scene_id and provider_scene_id.strip():
        return provider_scene_id.strip()
    return f"{Path(path).stem} ({file_fingerprint(path)[:FINGERPRINT_SHOWN_HEX]})"


def web_source_label(url: str, name: str = "") -> str:
    """A basemap's short, stable name: its host (and the layer name when it says more), e.g.
    "Esri World Imagery (services.arcgisonline.com)"."""
    host = (urlsplit(url).hostname or "") if "://" in (url or "") else ""
    name = (name or "").strip()
    if host and name and name.lower() != host.lower():
        return f"{name} ({host})"
    return host or name or "web layer"


def web_scene_id(label: str, acquired_utc: datetime) -> str:
    """One scene of a basemap: "<label> @ 2025-04-18T02:10Z", so one basemap carries many dates."""
    if not isinstance(acquired_utc, datetime) or acquired_utc.tzinfo is None:
        raise InputError(QT_TR_NOOP("The capture date of {label} must be a time in UTC, not {acquired_utc!r}."),
                         label=label, acquired_utc=acquired_utc)
    return f"{label} @ {acquired_utc.astimezone(timezone.utc).strftime(WEB_TIME_FORMAT)}"
