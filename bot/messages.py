"""Fixed texts the bot sends."""

WELCOME = (
    "Hello, I'm **Gap Bot**. After an assessment, tell me where a need could not be met "
    "(or what worked) and I'll record it for Manchester's commissioners, with personal data removed.\n\n"
    "Just type it in one message, or say **reflect** and I'll ask you a few questions. Say **help** any time."
)

HELP = (
    "**What I can do**\n\n"
    "- Type a reflection in one message, e.g. *Carer in Gorton at breaking point, no autism outreach with "
    "capacity, waiting list 9 months*. I'll show what I understood: **save**, **change** or **cancel**.\n"
    "- **reflect**: I'll guide you through it, one question at a time.\n"
    "- Start with *Pen picture:* to answer a commissioners' call for pen pictures.\n"
    "- **my reflections**: your last 10, with references and status.\n"
    "- **delete GAP-123**: delete one of your own.\n\n"
    "I remove names, NHS and NI numbers, phone numbers, emails, postcodes, addresses and dates of birth "
    "before anything is saved."
)

NO_IDENTITY = (
    "I can't tell who you are (your message has no Microsoft Entra ID), so I can't record anything. "
    "Please message me from Microsoft Teams."
)
PERSONAL_ONLY = "I take reflections in a personal chat: message me directly."
EMPTY = "That message was empty. Type your reflection, or say **help**."
UNREADABLE_ATTACHMENT = (
    "I can only read typed text, not files or images. Please type your reflection (nothing was saved)."
)
TOO_LONG = (
    "That message is {length:,} characters; I can take up to {limit:,}. "
    "Please shorten it or split it into separate reflections (nothing was saved)."
)
NOTHING_PENDING = "There's nothing waiting to be saved. Type a reflection, or say **help**."
STALE_CARD = "That card is no longer active. Type a new reflection, or say **help**."
FINISH_FIRST = "You have a reflection waiting: **save** or **cancel** it first."
NOT_FOUND = "I couldn't find GAP-{id} among your reflections, so nothing was deleted."
DELETED = "Deleted GAP-{id}."
NO_REFLECTIONS = "You haven't saved any reflections yet."
TRY_AGAIN = "Sorry, something went wrong and nothing was saved. Please send that again."
CONFLICT = "Another message in this conversation was being handled at the same moment. Please send that again."
