"""The seven practices the guide teaches, in reading order, and the trust chapter's topic."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Practice:
    """A practice: its id as written in YAML, its title as shown to readers, its guide page."""

    id: str
    title: str

    @property
    def page(self) -> str:
        """The guide page that teaches it, relative to the content folder."""
        return f"{self.id}.md" if self.id == "build-or-break" else f"practices/{self.id}.md"


PRACTICES: dict[str, Practice] = {
    practice.id: practice
    for practice in (
        Practice("build-or-break", "Moments that build or break trust"),
        Practice("notice-bids", "Notice bids"),
        Practice("repair", "Repair early and often"),
        Practice("rituals", "Rituals of connection"),
        Practice("texts", "Texts and technology"),
        Practice("reflect-back", "Reflect back before advising"),
        Practice("celebrate", "Celebrate the good together"),
        Practice("hard-times", "Be there when it is hard"),
    )
}
