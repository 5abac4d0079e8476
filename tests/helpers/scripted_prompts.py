"""Answers to the dock's questions, given in advance by a test (the dock's ``prompts`` replaced).

A question the test did not expect fails the test at once instead of hanging on a modal dialog.
"""


class UnexpectedPrompt(AssertionError):
    pass


class ScriptedPrompts:
    """Queues of answers per question kind; every question asked is recorded in ``asked``."""

    def __init__(self, **answers):
        self.answers = {kind: list(values) for kind, values in answers.items()}
        self.asked = []

    def _answer(self, kind, *question):
        self.asked.append((kind,) + question)
        queue = self.answers.get(kind)
        if not queue:
            raise UnexpectedPrompt(f"The dock asked {kind}{question!r} but the test gave no answer.")
        answer = queue.pop(0)
        return answer(*question) if callable(answer) else answer  # a callable answers from the question

    def confirm(self, title, text):
        return self._answer("confirm", title, text)

    def ask_folder(self, title, start_dir=""):
        return self._answer("ask_folder", title)

    def ask_save_path(self, kind, suggested=""):
        return self._answer("ask_save_path", kind, str(suggested))

    def ask_open_path(self, title, file_filter, start_dir=""):
        return self._answer("ask_open_path", title, file_filter)

    def ask_datetime(self, title, text):
        return self._answer("ask_datetime", title, text)

    def ask_web_capture(self, label, default_credit="", previous_utc=None):
        return self._answer("ask_web_capture", label, default_credit, previous_utc)

    def edit_scene(self, scene):
        return self._answer("edit_scene", scene)

    def ask_new_port(self, map_centre_lat_lon=None, draft=None):
        return self._answer("ask_new_port", map_centre_lat_lon, draft)

    def kinds_asked(self):
        return [entry[0] for entry in self.asked]
