"""The engine's messages: English text as the f-strings wrote it, the template and values kept for translation."""
import pickle

import pytest

from coal_monitor.core.errors import InputError
from coal_monitor.core.estimate import check_inputs
from coal_monitor.core.messages import QT_TR_NOOP, Message, as_message, placeholders
from coal_monitor.core.ports import PortError, make_port
from coal_monitor.store import schema
from coal_monitor.store.errors import HeapInputError, StoreError


def test_an_error_reads_in_english_and_keeps_its_template_and_values():
    height = -2.5
    exc = InputError(QT_TR_NOOP("Height {height_m:g} m is not above 0; got {given!r}."), height_m=height,
                     given="-2,5")
    assert str(exc) == f"Height {height:g} m is not above 0; got {'-2,5'!r}." == exc.args[0]
    assert exc.message.template == "Height {height_m:g} m is not above 0; got {given!r}."
    assert exc.message.values == {"height_m": -2.5, "given": "-2,5"}
    assert isinstance(exc, ValueError)


def test_a_message_without_values_is_never_formatted():
    text = "JSON {not a field} stays as it is"
    assert str(InputError(text)) == text
    assert as_message(InputError(text)).values == {}


def test_a_value_that_is_a_message_is_kept_as_a_message_inside_the_english_text():
    problem = schema.field(schema.HEAPS, "height_m").check(0.0)
    assert isinstance(problem, Message)
    assert problem.template == "'{name}' is {value!r}; use a value above {low:g} to {high:g}"
    outer = HeapInputError(QT_TR_NOOP("{problem}."), problem=problem)
    assert str(outer) == "'height_m' is 0.0; use a value above 0 to 60."
    assert outer.message.values["problem"] is problem


def test_an_error_rebuilt_from_another_keeps_its_message():
    with pytest.raises(PortError) as raised:
        make_port("라선", 42.3, 130.4)  # no Latin letters: the slug's SlugError, re-raised as a PortError
    assert raised.value.message.template.startswith("Port name {name!r} has no Latin letters")
    assert raised.value.message.values["name"] == "라선"
    wrapped = StoreError(raised.value)
    assert wrapped.message is raised.value.message and str(wrapped) == str(raised.value)


def test_the_engines_refusal_names_its_terms_as_messages():
    with pytest.raises(InputError) as raised:
        check_inputs(0.0, 0.0, "repose", 35.0, 5.0, 0.85, 0.7, 1.0)
    message = raised.value.message
    assert str(message) == ("height 0 m is outside the believable range (above 0 m up to 60 m): measure it "
                            "again (shadow length or a stereo pair) or check the units")
    assert message.values["name"].template == "height"
    assert message.values["bounds"].template == "above {low:g}{gap}{unit} up to {high:g}{gap}{unit}"


def test_placeholders_are_compared_with_their_conversion_and_format():
    assert placeholders("{b:.1f} and {a!r}") == [("a", "r", ""), ("b", "", ".1f")]
    assert placeholders("{a!r} {b:.1f}") == placeholders("{b:.1f} 와 {a!r}")
    assert placeholders("{a} {b:.1f}") != placeholders("{a} {b}")
    with pytest.raises(ValueError):
        placeholders("{a")


def test_messages_survive_pickling():
    message = Message(QT_TR_NOOP("{n} parts"), n=3)
    again = pickle.loads(pickle.dumps(message))
    assert again == "3 parts" and again.template == "{n} parts" and again.values == {"n": 3}
