"""Date-times as GeoPackage stores them: ISO 8601 in UTC with milliseconds and a Z.

Sorting and grouping these strings is sorting and grouping by time, which keeps the per-date totals a
single indexed SQL query.
"""
from datetime import date, datetime, timezone

from ..core.errors import InputError
from ..core.messages import QT_TR_NOOP


def format_utc(moment: datetime) -> str:
    moment = moment.astimezone(timezone.utc) if moment.tzinfo else moment
    return f"{moment:%Y-%m-%dT%H:%M:%S}.{moment.microsecond // 1000:03d}Z"


def utc_now_text() -> str:
    return format_utc(datetime.now(timezone.utc))


def to_utc_text(value, name: str) -> str:
    """``value`` (datetime, date, ISO text, QDateTime/QDate) as GeoPackage UTC text.

    A time without a zone is taken as UTC, as the field names say; InputError (a ValueError) names the field
    otherwise.
    """
    if hasattr(value, "toMSecsSinceEpoch"):  # QDateTime
        if not value.isValid():
            raise InputError(QT_TR_NOOP("'{name}' is an invalid date-time; enter a date and time (UTC)"), name=name)
        value = datetime.fromtimestamp(value.toMSecsSinceEpoch() / 1000.0, tz=timezone.utc)
    elif hasattr(value, "toPyDate"):  # QDate
        value = value.toPyDate()
    if isinstance(value, datetime):
        return format_utc(value)
    if isinstance(value, date):
        return f"{value:%Y-%m-%d}T00:00:00.000Z"
    if isinstance(value, str):
        text = value.strip()
        if text.endswith(("Z", "z")):
            text = text[:-1] + "+00:00"
        try:
            return format_utc(datetime.fromisoformat(text))
        except ValueError:
            pass
    raise InputError(
        QT_TR_NOOP("'{name}' is {value!r}, not a date-time; use ISO 8601 such as 2024-04-02T02:31:00Z (UTC)"),
        name=name, value=value
    )
