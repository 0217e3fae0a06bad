"""The seven practices the guide teaches, in reading order, and the trust chapter's topic."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Practice:
    """A practice: its id as written in YAML, its title as shown to readers, its guide page,
    and one line about it for the home page's cards (empty for the trust chapter's topic)."""

    id: str
    title: str
    summary: str = ""

    @property
    def page(self) -> str:
        """The guide page that teaches it, relative to the content folder."""
        return f"{self.id}.md" if self.id == "build-or-break" else f"practices/{self.id}.md"


PRACTICES: dict[str, Practice] = {
    practice.id: practice
    for practice in (
        Practice("build-or-break", "Moments that build or break trust"),
        Practice("notice-bids", "Notice bids",
                 "Spot the small, quiet ways your partner reaches for you."),
        Practice("repair", "Repair early and often",
                 "Calm a tense talk down before it turns into a fight."),
        Practice("rituals", "Rituals of connection",
                 "Make room for small moments with habits you can count on."),
        Practice("texts", "Texts and technology",
                 "Stay close when you are apart, and keep phones from getting in the way."),
        Practice("reflect-back", "Reflect back before advising",
                 "Show you understood how your partner feels before you try to fix it."),
        Practice("celebrate", "Celebrate the good together",
                 "Meet good news with real warmth and interest."),
        Practice("hard-times", "Be there when it is hard",
                 "Stay close when your partner is sad, stressed or grieving."),
    )
}
