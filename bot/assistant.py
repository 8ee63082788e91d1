"""The assistant: from a message to replies, the same for Telegram, the console and tests."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import date, datetime
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

from bot import charts
from bot.admin import Admin
from bot.answers import Context, answer, asked_again, help_reply
from bot.caller import Caller
from bot.confirmation import Confirmations, is_confirmation
from bot.digests import BUTTON_PREFIX, DigestCommands
from bot.followups import Conversations, follow
from bot.groups import GROUP_ADMIN_COMMANDS, GROUP_COMMANDS, Groups
from bot.inline import MOST_OFFERS, Offer, offer_of, offered_questions, stranger_offer
from bot.language import load
from bot.members import Members
from bot.privacy import BUTTON_PREFIX as PRIVACY_PREFIX
from bot.privacy import Privacy
from bot.records import Records
from bot.replies import Reply
from bot.texts import text
from bot.understanding import Question, parse
from bot.uploads import Progress, Uploads, may_download
from store.cache import GenerationCache
from store.places import PlaceMatch
from store.store import Store
from store.vocabulary import COMMAND


class Parsed(NamedTuple):
    """A question as parsed, and its key for the answer cache (worked out once: it costs about 15 µs)."""

    question: Question
    key: tuple[Any, ...]


class Assistant:
    """Answers messages from the store; knows nothing of Telegram."""

    def __init__(
        self,
        store: Store,
        *,
        zone: ZoneInfo,
        admin_ids: frozenset[int] = frozenset(),
        open_access: bool = False,
        clock: Callable[[], datetime] | None = None,
        retention_weeks: int = 26,
    ) -> None:
        self.store = store
        self.zone = zone
        self.open_access = open_access
        self.clock = clock or (lambda: datetime.now(zone))
        self.answers: GenerationCache[list[Reply]] = GenerationCache(store)
        self.parsed: GenerationCache[Parsed] = GenerationCache(store)  # by text and day: parsing takes 0.3 ms
        self.conversations = Conversations(store)
        self.confirmations = Confirmations(store, self.today)
        self.uploads = Uploads(self.confirmations, self.today)
        self.admin = Admin(store, self.confirmations, zone=zone, today=self.today)
        self.records = Records(store, self.today)
        self.digests = DigestCommands(store, zone=zone, clock=self.clock)
        self.members = Members(store, admin_ids=admin_ids, on_subscription_change=self.digests.changed)
        self.groups = Groups(store, open_access=open_access, on_subscription_change=self.digests.changed)
        self.privacy = Privacy(
            store, retention_weeks=retention_weeks, listed_admins=admin_ids, on_forget=self._forgotten
        )
        self.commands: dict[str, Callable[[str, Caller], Awaitable[list[Reply]]]] = {
            "language": self.members.language,
            "adduser": self.members.add_user,
            "removeuser": self.members.remove_user,
            "users": self.members.list,
            "set": self.admin.set_figure,
            "undo": self.admin.undo,
            "changes": self.admin.changes,
            "export": self.records.export,
            "subscribe": self.digests.subscribe,
            "subscriptions": self.digests.subscriptions,
            "unsubscribe": self.digests.unsubscribe,
            "digest": self.digests.digest,
            "deliveries": self.digests.deliveries,
            "resend": self.digests.resend,
            "allowgroup": self.groups.allow,
            "removegroup": self.groups.remove,
            "privacy": self.privacy.privacy,
            "forgetme": self.privacy.forget_me,
            "forget": self.privacy.forget,
        }

    def today(self) -> date:
        """Today's date in the configured time zone."""
        return self._day_of(self.clock())

    def _day_of(self, moment: datetime) -> date:
        """A moment's date in the configured time zone."""
        return moment.astimezone(self.zone).date()

    async def caller(self, user_id: int, telegram_code: str | None = None, chat: int | None = None) -> Caller:
        """The caller's role and language (a choice made with /language wins over Telegram's), in a group chat if given."""
        return await self.members.caller(user_id, telegram_code, chat)

    @staticmethod
    def needs_chat_admin(message: str) -> bool:
        """Whether answering this in a group depends on the caller being the group's administrator."""
        return command_of(message)[0] == "subscribe"

    @staticmethod
    def needs_identity(message: str) -> bool:
        """Whether answering this in a group depends on who the caller is (an anonymous admin cannot say)."""
        return command_of(message)[0] in ("subscribe", *GROUP_ADMIN_COMMANDS)

    async def is_one_time_button(self, data: str, caller: Caller) -> bool:
        """Whether this press takes its keyboard away: Delete or Cancel of /forgetme, Save or Cancel by the admin whose change waits.

        A double tap then finds the buttons gone; anyone else's press leaves them to their owner.
        """
        if data.startswith(PRIVACY_PREFIX):
            return True
        return is_confirmation(data) and await self.confirmations.is_owners_press(data, caller)

    @staticmethod
    def warm_up() -> None:
        """Load lingua's models, the word lists and matplotlib now rather than with the first question or chart."""
        load()
        charts.load()

    @staticmethod
    def may_download(caller: Caller, size: int) -> bool:
        """Whether a file of this size from this caller is fetched at all (never in a group)."""
        return not caller.in_group and may_download(caller, size)

    async def refusal(self, caller: Caller, command: str = "") -> list[Reply] | None:
        """The polite refusal for a stranger, or for what a group may not do; None if the caller may ask."""
        if caller.in_group:
            return await self.groups.refusal(command, caller)
        if caller.role is not None or self.open_access or command == "privacy":  # anyone may read /privacy
            return None
        return [Reply(text("stranger", caller.language, user_id=caller.user_id))]

    async def handle(self, message: str, caller: Caller, chat: int | None = None) -> list[Reply]:
        """Answer any message or command from a caller, in a chat (their own unless told)."""
        name, argument = command_of(message)
        refused = await self.refusal(caller, name)
        if refused:
            return refused
        dated = await self.uploads.given_date(message, caller)  # the as-of date an upload asked for
        if dated is not None:
            return dated
        if name in self.commands:
            return await self.commands[name](argument, caller)
        if name in ("history", "historikk") and not caller.hides_small:  # with year and measure: statements
            listed = await self.records.statements(argument, caller)
            if listed is not None:
                return listed
        if name in ("start", "help"):
            return [self.help(caller, welcome=name == "start")]
        if name and name not in ("status", "em", "history", "historikk"):
            return [self.help(caller)]
        chat = caller.user_id if chat is None else chat
        return await self.ask(message, language=caller.language, hide_small=caller.hides_small, chat=chat)

    @staticmethod
    def help(caller: Caller, *, welcome: bool = False) -> Reply:
        """/help: in a group only what works there, in an admin's private chat the admin commands too."""
        if caller.in_group:
            return help_reply(caller.language, welcome=welcome, commands=GROUP_COMMANDS)
        return help_reply(caller.language, welcome=welcome, admin=caller.is_admin)

    async def ask(
        self, message: str, *, language: str = "nb", hide_small: bool = False, chat: int | None = None
    ) -> list[Reply]:
        """Understand a question (in the chat's context) and answer it in its language, else in `language`.

        The same question on the same data is answered from memory.
        """
        generation, now = self.store.generation, self.clock()  # one moment for the whole question
        question, question_key = await self._understood(message, chat, now)
        language, today = question.reply_language(language), self._day_of(now)
        key = (question_key, language, hide_small, today)
        replies = self.answers.get(key)
        if replies is None:
            replies = await self._answer(question, language, hide_small, today)
            self.answers.put(key, replies, generation)
        first = replies[0].ranked_first if replies else None
        if chat is not None and first is not None:  # for 'that municipality' in the next question
            ranked = replace(question, first_ranked=[PlaceMatch(first, first.name, "exact")])
            await self.conversations.remember(chat, ranked, now)
        return replies

    async def understand(self, message: str, chat: int | None = None) -> Question:
        """Parse a message; a follow-up in a chat builds on the chat's previous question, which it replaces."""
        return (await self._understood(message, chat, self.clock())).question

    async def _understood(self, message: str, chat: int | None, now: datetime) -> Parsed:
        """The message understood as `understand` does at this moment, with its key for the answer cache."""
        parsed = await self._parsed(message, self._day_of(now))
        if chat is None:
            return parsed
        previous = await self.conversations.recall(chat, now)
        if previous is not None and parsed.question.follow_up:
            followed = follow(previous, parsed.question)
            parsed = Parsed(followed, followed.key())
        await self.conversations.remember(chat, parsed.question, now)
        return parsed

    async def _parsed(self, message: str, today: date) -> Parsed:
        """A message parsed, from memory if parsed today on the same data (a copy: answering may set its fields)."""
        generation = self.store.generation
        parsed = self.parsed.get((message, today))
        if parsed is None:
            question = parse(message, index=await self.store.index(), today=today)
            parsed = Parsed(question, question.key())  # before answering sets any field of a copy
            self.parsed.put((message, today), parsed, generation)
        return Parsed(parsed.question.copy(), parsed.key)

    async def compute(self, message: str, language: str, hide_small: bool) -> list[Reply]:
        """Understand a question and compute its answer, without the caches or a chat's context."""
        today = self.today()
        question = parse(message, index=await self.store.index(), today=today)
        return await self._answer(question, question.reply_language(language), hide_small, today)

    async def choose(self, data: str, caller: Caller) -> list[Reply]:
        """Answer a button press: Save or Cancel, a subscription's button, or a question repeated for a place."""
        refused = await self.refusal(caller)
        if refused:
            return refused
        if is_confirmation(data):
            return await self.confirmations.confirm(data, caller)
        if data.startswith(BUTTON_PREFIX):
            return await self.digests.button(data, caller)
        if data.startswith(PRIVACY_PREFIX):
            return await self.privacy.button(data, caller)
        today = self.today()
        question = asked_again(data, await self.store.index(), today)
        if question is None:  # forged, or from an older version of the bot
            return [Reply(text("button_unknown", caller.language))]
        return await self._answer(question, caller.language, caller.hides_small, today)

    async def upload(
        self,
        content: bytes,
        filename: str,
        caption: str,
        caller: Caller,
        progress: Progress | None = None,
        *,
        size: int | None = None,
    ) -> list[Reply]:
        """A file sent to the bot: an admin gets a preview of the figures in it, anyone else a refusal."""
        if caller.in_group:
            return [Reply(text("private_only", caller.language))]
        refused = await self.refusal(caller)
        return refused or await self.uploads.upload(content, filename, caption, caller, progress, size=size)

    async def inline(self, query: str, caller: Caller) -> list[Offer]:
        """`@BotName Melhus 2015` in any chat: up to five cards to send there, small EM values hidden as the
        chat may hold anyone; a stranger gets one offer saying how to get access."""
        if not caller.is_member:
            return [stranger_offer(caller.language)]
        if not query.strip():
            return []
        question = await self.understand(query)
        language = question.language or caller.language
        offers: list[Offer] = []
        for key, title, command in offered_questions(question, await self.store.index(), language):
            offer = offer_of(key, title, await self.ask(command, language=language, hide_small=True))
            if offer is not None and offer.text not in {o.text for o in offers}:
                offers.append(offer)
            if len(offers) == MOST_OFFERS:
                break
        return offers

    async def _forgotten(self, user_id: int, subscriptions: list[int]) -> None:
        """A user's data was deleted: what is held of them in memory goes too, and their digests' jobs."""
        await self.conversations.forget(user_id)
        await self.members.forget(user_id)
        for subscription_id in subscriptions:
            await self.digests.changed(subscription_id)

    async def _answer(self, question: Question, language: str, hide_small: bool, today: date) -> list[Reply]:
        """Answer an understood question on this day."""
        index = await self.store.index()
        ctx = Context(
            store=self.store,
            index=index,
            language=language,
            today=today,
            hide_small=hide_small,
            sources=question.sources,
            decimals=question.decimals or 0,
        )
        return await answer(question, ctx)


def command_of(message: str) -> tuple[str, str]:
    """A message's command word in lower case ("" for none) and the text after it."""
    command = COMMAND.match(message.strip())
    if command is None:
        return "", ""
    return command.group(1).lower(), message.strip()[command.end() :].strip()
