"""A local HTTP server that speaks the Telegram Bot API, for end-to-end tests and benchmarks.

It keeps Telegram's rules that matter to a bot: message and caption limits, HTML parse errors,
flood control (429 with retry_after), 403 for a user who blocked the bot, 400 for unknown chats.
It can also fail as Telegram sometimes does: a share of the sends answered 502 Bad Gateway, half of
them after the message was delivered all the same (seeded, so a run can be repeated).
With a webhook set (setWebhook), it posts the queued updates to it, in order, with the secret token
header, as Telegram does, and refuses getUpdates meanwhile (409); it posts only to 127.0.0.1.
Run it by hand with `python -m tests.botapi.server --port 8081`.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import html
import itertools
import json
import math
import random
import re
import time
from collections import defaultdict, deque
from collections.abc import Callable
from typing import Any, NoReturn
from urllib.parse import urlsplit

from aiohttp import ClientError, ClientSession, ClientTimeout, web

SENDING = {"sendMessage", "sendPhoto", "sendDocument", "editMessageText"}
RAW_FIELDS = {
    "text",
    "caption",
    "parse_mode",
    "callback_query_id",
    "language_code",
    "description",
    "short_description",
    "url",
    "file_id",
    "name",
    "secret_token",
}
ALLOWED_TAGS = {
    "b",
    "strong",
    "i",
    "em",
    "u",
    "ins",
    "s",
    "strike",
    "del",
    "a",
    "code",
    "pre",
    "span",
    "tg-spoiler",
    "blockquote",
    "tg-emoji",
}
TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^<>]*)?)\s*>")
ENTITY = re.compile(r"&(lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);")
MARKUP = re.compile(r"[<&>]")  # where a tag or an entity may begin; the rest of a text is visible as it is
BAD_GATEWAY = "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>"
TEXT_LIMIT = 4096
WEBHOOK_RETRY = 0.1  # seconds before a refused or failed post is tried again (Telegram waits longer)
CAPTION_LIMIT = 1024
Json = dict[str, Any]


ANONYMOUS_ADMIN: Json = {
    "id": 1087968824,
    "is_bot": True,
    "first_name": "Group",
    "username": "GroupAnonymousBot",
}


class ApiError(Exception):
    """An error answer of the Bot API."""

    def __init__(self, code: int, description: str, parameters: Json | None = None) -> None:
        super().__init__(description)
        self.code, self.description, self.parameters = code, description, parameters


def utf16_length(text: str) -> int:
    """Length as Telegram counts it."""
    return len(text.encode("utf-16-le")) // 2


def parse_html(text: str) -> str:
    """The visible text of Telegram HTML, or ApiError as Telegram answers malformed markup."""
    visible: list[str] = []
    open_tags: list[str] = []
    position = 0
    while (special := MARKUP.search(text, position)) is not None:  # the text up to it is visible as it is
        visible.append(text[position : special.start()])
        position = special.start()
        if special.group() == "<":
            position = _tag(text, position, open_tags)
        elif special.group() == "&":
            match = ENTITY.match(text, position)
            if match is None:
                raise _unparsable(f"Character entity expected at byte offset {_byte_offset(text, position)}")
            visible.append(html.unescape(match.group(0)))
            position = match.end()
        else:
            raise _unparsable(f"Unexpected end tag at byte offset {_byte_offset(text, position)}")
    visible.append(text[position:])
    if open_tags:
        raise _unparsable(f'Can\'t find end tag corresponding to start tag "{open_tags[-1]}"')
    return "".join(visible)


def _tag(text: str, position: int, open_tags: list[str]) -> int:
    """Read the tag at a position into the open tags; where it ends."""
    match = TAG.match(text, position)
    if match is None:
        raise _unparsable(f"Unexpected character at byte offset {_byte_offset(text, position)}")
    closing, name = match.group(1) == "/", match.group(2).lower()
    if name not in ALLOWED_TAGS:
        raise _unparsable(f'Unsupported start tag "{name}" at byte offset {_byte_offset(text, position)}')
    if not closing:
        open_tags.append(name)
    elif open_tags and open_tags[-1] == name:
        open_tags.pop()
    else:
        raise _unparsable(f"Unmatched end tag at byte offset {_byte_offset(text, position)}")
    return match.end()


def _byte_offset(text: str, position: int) -> int:
    """Where a character stands in the text's UTF-8 bytes, as Telegram's errors count."""
    return len(text[:position].encode())


def _unparsable(reason: str) -> ApiError:
    """Telegram's answer to markup it cannot parse."""
    return ApiError(400, f"Bad Request: can't parse entities: {reason}")


def visible_text(text: str, parse_mode: str | None) -> str:
    """The text as the user will see it."""
    return parse_html(text) if (parse_mode or "").upper() == "HTML" else text


class BadGateway(Exception):
    """The front server answered 502 with its HTML page instead of the Bot API's JSON."""


class FakeBotApi:
    """The local Bot API: what users do is queued as updates; what the bot does is recorded."""

    def __init__(
        self,
        token: str = "123456:TEST",
        *,
        global_rate: float | None = None,
        per_chat_rate: float | None = None,
        bot_username: str = "bosettingsbot",
        seed: int = 0,
        inline: bool = True,
        group_per_minute: int | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.token = token
        self.clock = clock  # flood control's clock: a test may share a manual one with the sender
        self.global_rate = global_rate
        self.per_chat_rate = per_chat_rate
        self.bad_gateway = 0.0  # the share of sends answered 502: half delivered all the same, half lost
        self._faults = random.Random(seed)
        self.bot_user: Json = {
            "id": int(token.split(":")[0]),
            "is_bot": True,
            "first_name": "Bosettingsbot",
            "username": bot_username,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": inline,
        }
        self.group_per_minute = group_per_minute  # Telegram's 20 a minute to a group, when set
        self.port = 0
        self.sent: list[Json] = []
        self._sent_to: dict[int, list[Json]] = defaultdict(list)  # the same, by chat
        self.requests: list[tuple[str, Json]] = []
        self.bodies: list[tuple[str, str]] = []  # each HTTP call's method and its body's content type
        self.errors: list[tuple[str, int, str]] = []
        self.commands: dict[tuple[str, str], list[Json]] = {}
        self.count_429 = 0
        self.count_502 = {"delivered": 0, "lost": 0}
        self._updates: list[Json] = []
        self._allowed: list[str] | None = None  # allowed_updates, as the last getUpdates that gave it said
        self._confirmed = 0
        self._update_ids = itertools.count(1)
        self._message_ids: dict[int, itertools.count[int]] = defaultdict(lambda: itertools.count(1))
        self._users: dict[int, Json] = {}
        self._groups: dict[int, Json] = {}  # group chats the bot is in, by id
        self._group_admins: dict[int, set[int]] = defaultdict(set)
        self._migrated: dict[int, int] = {}  # a group upgraded to a supergroup: its old id → the new
        self._recent_by_group: dict[int, deque[float]] = defaultdict(deque)
        self.inline_answers: dict[str, Json] = {}  # answerInlineQuery's parameters, by query id
        self._blocked: set[int] = set()
        self._files: dict[str, tuple[str, bytes]] = {}
        self._messages: dict[tuple[int, int], Json] = {}
        self._unanswered: set[str] = set()  # callback queries: each is answered once
        self._recent: deque[float] = deque()
        self._recent_by_chat: dict[int, deque[float]] = defaultdict(deque)
        self._waiters: list[asyncio.Future[None]] = []
        # Those waiting for messages to one chat: woken by what is sent there, not by every request.
        self._chat_waiters: dict[int, list[asyncio.Future[None]]] = defaultdict(list)
        self._draining = False
        self._runner: web.AppRunner | None = None
        self._webhook: Json | None = None  # setWebhook's parameters while a webhook is set
        self._poster: asyncio.Task[None] | None = None
        # A load balancer's backends (see `balance`); empty: updates go to the webhook's own URL.
        self.replicas: list[str] = []
        self._turns = itertools.count()
        # Each post of an update: the address, the update's id, and the HTTP status or the error's name.
        self.webhook_posts: list[tuple[str, int, int | str]] = []
        self._held: dict[str, asyncio.Event] = {}  # methods whose calls wait until released
        self.round_trip = 0.0  # seconds each HTTP answer waits, as Telegram's round trip would (a bench's)

    # --- lifecycle

    async def start(self, port: int = 0) -> None:
        """Bind 127.0.0.1 on a free port (or the one given)."""
        app = web.Application(client_max_size=60 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._api)
        app.router.add_get("/file/bot{token}/{path:.+}", self._download)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", port)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    async def stop(self) -> None:
        """Close the server and wake any waiting poller."""
        self._notify()
        await self._stop_posting()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    @property
    def base_url(self) -> str:
        """The base_url for python-telegram-bot (the token is appended)."""
        return f"http://127.0.0.1:{self.port}/bot"

    @property
    def base_file_url(self) -> str:
        """The base_file_url for python-telegram-bot."""
        return f"http://127.0.0.1:{self.port}/file/bot"

    # --- what users do

    def add_user(self, user_id: int, language_code: str = "nb", first_name: str = "Test") -> Json:
        """Remember a user (and so their private chat, which the bot may then write to); their User object."""
        user = {"id": user_id, "is_bot": False, "first_name": first_name, "language_code": language_code}
        self._users[user_id] = user
        return user

    def _queue(self, update: Json) -> Json:
        """Add an update for getUpdates."""
        update["update_id"] = next(self._update_ids)
        self._updates.append(update)
        self._notify()
        return update

    def _incoming(self, user: Json, **content: Any) -> Json:
        """A message from a user in their private chat."""
        chat = {"id": user["id"], "type": "private", "first_name": user["first_name"]}
        return {
            "message_id": next(self._message_ids[user["id"]]),
            "date": int(time.time()),
            "chat": chat,
            "from": user,
            **content,
        }

    def send_text(
        self, user_id: int, text: str, *, language_code: str = "nb", first_name: str = "Test"
    ) -> Json:
        """A user writes to the bot; a leading /command gets its bot_command entity."""
        message = self._incoming(self.add_user(user_id, language_code, first_name), text=text)
        command = re.match(r"/\w+(@\w+)?", text)
        if command:
            message["entities"] = [
                {"type": "bot_command", "offset": 0, "length": utf16_length(command.group(0))}
            ]
        return self._queue({"message": message})

    def send_document(
        self,
        user_id: int,
        filename: str,
        content: bytes,
        *,
        caption: str | None = None,
        mime_type: str = "application/octet-stream",
        language_code: str = "nb",
    ) -> Json:
        """A user sends a file to the bot."""
        file_id = f"doc{len(self._files) + 1}"
        self._files[file_id] = (f"documents/{file_id}_{filename}", content)
        document = {
            "file_id": file_id,
            "file_unique_id": f"u{file_id}",
            "file_name": filename,
            "mime_type": mime_type,
            "file_size": len(content),
        }
        extra: Json = {"document": document}
        if caption is not None:
            extra["caption"] = caption
            command = re.match(r"/\w+(@\w+)?", caption)
            if command:
                extra["caption_entities"] = [
                    {"type": "bot_command", "offset": 0, "length": utf16_length(command.group(0))}
                ]
        return self._queue({"message": self._incoming(self.add_user(user_id, language_code), **extra)})

    def add_group(self, chat_id: int, title: str = "Team", admins: tuple[int, ...] = ()) -> Json:
        """A group chat (a negative id) with its administrators; its Chat object."""
        self._groups[chat_id] = {"id": chat_id, "type": "supergroup", "title": title}
        self._group_admins[chat_id] = set(admins)
        return self._groups[chat_id]

    def send_group_text(
        self,
        chat_id: int,
        user_id: int,
        text: str,
        *,
        reply_to: int | None = None,
        language_code: str = "nb",
        anonymous: bool = False,
    ) -> Json:
        """A user writes in a group: a leading /command and every @mention get their entities.

        An anonymous administrator writes as the group: Telegram names the group as the sender and
        GroupAnonymousBot as the user."""
        user = ANONYMOUS_ADMIN if anonymous else self.add_user(user_id, language_code)
        message: Json = {
            "message_id": next(self._message_ids[chat_id]),
            "date": int(time.time()),
            "chat": self._groups[chat_id],
            "from": user,
            "text": text,
        }
        if anonymous:
            message["sender_chat"] = self._groups[chat_id]
        entities = [
            {"type": "bot_command", "offset": 0, "length": utf16_length(match.group(0))}
            for match in [re.match(r"/\w+(@\w+)?", text)]
            if match
        ]
        entities += [
            {"type": "mention", "offset": utf16_length(text[: m.start()]), "length": utf16_length(m.group(0))}
            for m in re.finditer(r"(?<![\w/])@\w+", text)
        ]
        if entities:
            message["entities"] = entities
        if reply_to is not None:
            message["reply_to_message"] = self._result(self._messages[(chat_id, reply_to)])
        return self._queue({"message": message})

    def migrate_group(self, old: int, new: int, by: int) -> None:
        """A group becomes a supergroup with a new id: the two service messages, and sends to the old id fail."""
        self.add_group(new, self._groups[old]["title"], tuple(self._group_admins[old]))
        self._groups[old] = {**self._groups[old], "type": "group"}
        self._migrated[old] = new
        for chat, key, other in ((old, "migrate_to_chat_id", new), (new, "migrate_from_chat_id", old)):
            message = {
                "message_id": next(self._message_ids[chat]),
                "date": int(time.time()),
                "chat": self._groups[chat],
                "from": self.add_user(by),
                key: other,
            }
            self._queue({"message": message})

    def bot_membership(self, chat_id: int, by: int, status: str, was: str) -> Json:
        """Someone adds the bot to a group or removes it (its status there goes from `was` to `status`)."""
        change = {
            "chat": self._groups[chat_id],
            "from": self.add_user(by),
            "date": int(time.time()),
            "old_chat_member": {"status": was, "user": self.bot_user},
            "new_chat_member": {"status": status, "user": self.bot_user},
        }
        return self._queue({"my_chat_member": change})

    def inline_query(self, user_id: int, query: str, *, language_code: str = "nb") -> Json:
        """A user types @bot and a query in any chat."""
        query_id = str(next(self._update_ids) * 104729)
        inline = {"id": query_id, "from": self.add_user(user_id, language_code), "query": query, "offset": ""}
        return self._queue({"inline_query": inline})

    async def wait_for_inline(self, query_id: str, *, timeout: float = 10.0) -> Json:
        """Wait until the bot answers an inline query; answerInlineQuery's parameters."""
        await self.wait_until(lambda: query_id in self.inline_answers, timeout=timeout)
        return self.inline_answers[query_id]

    def press_button(
        self, user_id: int, message_id: int, data: str, *, language_code: str = "nb", by: int | None = None
    ) -> Json:
        """A user presses an inline button under a message the bot sent to them (`by`: another member of the chat)."""
        message = self._messages.get((user_id, message_id))
        if message is None:
            raise KeyError(f"the bot sent no message {message_id} to {user_id}")
        query_id = str(next(self._update_ids) * 7919)
        self._unanswered.add(query_id)
        query = {
            "id": query_id,
            "from": self.add_user(by or user_id, language_code),
            "message": message,
            "chat_instance": str(user_id),
            "data": data,
        }
        return self._queue({"callback_query": query})

    def release_pollers(self) -> None:
        """Answer waiting and later getUpdates at once, so a stopping bot need not wait out its long poll."""
        self._draining = True
        self._notify()

    def hold_pollers(self) -> None:
        """getUpdates waits for updates again (for the next bot, once one has stopped)."""
        self._draining = False

    def hold(self, method: str) -> None:
        """Calls of a method wait (recorded, unanswered) until `release`: the bot is caught in the middle of its work."""
        self._held[method] = asyncio.Event()

    def release(self, method: str) -> None:
        """Answer the held calls of a method, and later ones at once."""
        self._held.pop(method).set()

    def block(self, user_id: int) -> None:
        """The user blocks the bot: later sends to them fail with 403."""
        self._blocked.add(user_id)

    # --- what the bot did

    def messages_to(self, chat_id: int) -> list[Json]:
        """Every message the bot sent (or edited) in a chat, in order."""
        return list(self._sent_to.get(chat_id, ()))

    async def wait_for(
        self, chat_id: int, count: int = 1, *, after: int = 0, timeout: float = 10.0
    ) -> list[Json]:
        """Wait until `count` messages to the chat exist after index `after`; return them."""
        deadline = asyncio.get_running_loop().time() + timeout
        while True:
            found = self.messages_to(chat_id)[after:]
            if len(found) >= count:
                return found[:count]
            remaining = deadline - asyncio.get_running_loop().time()
            if remaining <= 0:
                texts = [m.get("text") or m.get("caption") for m in self.messages_to(chat_id)]
                raise TimeoutError(
                    f"{len(found)} of {count} messages to {chat_id} after {after} in {timeout} s; all: {texts}; errors: {self.errors[-5:]}"
                )
            await self._next_change(remaining, self._chat_waiters[chat_id])

    async def wait_for_request(self, method: str, *, after: int = 0, timeout: float = 10.0) -> Json:
        """Wait until the bot calls `method` (at or after index `after` of the requests); its parameters."""
        deadline = asyncio.get_running_loop().time() + timeout
        while True:
            found = [params for name, params in self.requests[after:] if name == method]
            if found:
                return found[0]
            remaining = deadline - asyncio.get_running_loop().time()
            if remaining <= 0:
                raise TimeoutError(f"no {method} after request {after} in {timeout} s")
            await self._next_change(remaining)

    async def wait_until(self, condition: Callable[[], bool], *, timeout: float = 10.0) -> None:
        """Wait until a condition on what the bot did holds, looking again at each message it sends."""
        deadline = asyncio.get_running_loop().time() + timeout
        while not condition():
            remaining = deadline - asyncio.get_running_loop().time()
            if remaining <= 0:
                raise TimeoutError(
                    f"not so within {timeout} s; {len(self.sent)} sent; errors: {self.errors[-5:]}"
                )
            await self._next_change(remaining)

    def _notify(self, chat_id: int | None = None) -> None:
        """Wake every poller and waiter, and those waiting for messages to the chat if one was sent to."""
        waiters, self._waiters = self._waiters, []
        if chat_id is not None:
            waiters += self._chat_waiters.pop(chat_id, [])
        for waiter in waiters:
            if not waiter.done():
                waiter.set_result(None)

    def _record(self, record: Json) -> None:
        """Record a message sent or edited, and wake those waiting for it."""
        self.sent.append(record)
        self._sent_to[record["chat_id"]].append(record)
        self._notify(record["chat_id"])

    async def _next_change(self, timeout: float, waiters: list[asyncio.Future[None]] | None = None) -> None:
        """Wait until something is requested, sent or queued (or sent to one chat, with its waiters), or the
        timeout passes."""
        waiter = asyncio.get_running_loop().create_future()
        (self._waiters if waiters is None else waiters).append(waiter)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(waiter, timeout=timeout)

    # --- the HTTP side

    async def _api(self, request: web.Request) -> web.Response:
        """Dispatch one Bot API call over HTTP."""
        self.bodies.append((request.match_info["method"], request.content_type))
        try:
            status, body = await self.answer(
                request.match_info["method"], await self._params(request), token=request.match_info["token"]
            )
        except BadGateway:
            return web.Response(status=502, text=BAD_GATEWAY, content_type="text/html")
        if self.round_trip:
            await asyncio.sleep(self.round_trip)
        return web.json_response(body, status=status)

    async def answer(self, method: str, params: Json, *, token: str | None = None) -> tuple[int, Json]:
        """One Bot API call, recorded and answered as Telegram would: the HTTP status and the JSON body."""
        self.requests.append((method, params))
        self._notify()
        if method in self._held:
            await self._held[method].wait()
        try:
            if (token or self.token) != self.token:
                raise ApiError(401, "Unauthorized")
            handler = getattr(self, f"_m_{method}", None)
            if handler is None:
                raise ApiError(404, "Not Found")
            fault = None
            if method in SENDING:
                self._check_chat(int(params.get("chat_id", 0)))
                self._check_rate(int(params.get("chat_id", 0)))
                fault = self._fault()
            if fault == "lost":
                self._bad_gateway(method, fault)
            result = await handler(params)
            if fault == "delivered":
                self._bad_gateway(method, fault)
        except ApiError as error:
            self.errors.append((method, error.code, error.description))
            body: Json = {"ok": False, "error_code": error.code, "description": error.description}
            if error.parameters:
                body["parameters"] = error.parameters
            return error.code, body
        return 200, {"ok": True, "result": result}

    def _fault(self) -> str | None:
        """Whether this send fails with 502 after delivering the message, before it, or not at all."""
        roll = self._faults.random()
        if roll < self.bad_gateway / 2:
            return "delivered"
        return "lost" if roll < self.bad_gateway else None

    def _bad_gateway(self, method: str, fault: str) -> NoReturn:
        """The front server's 502 page (no JSON): the bot cannot tell whether the message went out."""
        self.count_502[fault] += 1
        self.errors.append((method, 502, f"Bad Gateway ({fault})"))
        raise BadGateway()

    async def _params(self, request: web.Request) -> Json:
        """Form, multipart or JSON parameters, with JSON-encoded values decoded (a JSON body's strings too, as
        the Bot API reads them: a keyboard may come as its JSON text)."""
        fields = await request.json() if request.content_type == "application/json" else await request.post()
        params: Json = {}
        for key, value in fields.items():
            if isinstance(value, web.FileField):
                params[key] = {"filename": value.filename, "content": value.file.read()}
            elif key in RAW_FIELDS or not isinstance(value, str):
                params[key] = value
            else:
                try:
                    params[key] = json.loads(value)
                except ValueError:
                    params[key] = value
        return params

    async def _download(self, request: web.Request) -> web.Response:
        """A file the bot downloads after getFile."""
        if request.match_info["token"] != self.token:
            return web.Response(status=401)
        content = self.file(request.match_info["path"])
        return web.Response(status=404) if content is None else web.Response(body=content)

    def file(self, path: str) -> bytes | None:
        """The content of a file by its file_path (as getFile gave it)."""
        return next((content for known, content in self._files.values() if known == path), None)

    def _check_chat(self, chat_id: int) -> None:
        """Sends to unknown or blocking users fail as on Telegram."""
        if chat_id in self._blocked:
            raise ApiError(403, "Forbidden: bot was blocked by the user")
        if chat_id in self._migrated:
            raise ApiError(
                400,
                "Bad Request: group chat was upgraded to a supergroup chat",
                {"migrate_to_chat_id": self._migrated[chat_id]},
            )
        if chat_id not in self._users and chat_id not in self._groups:
            raise ApiError(400, "Bad Request: chat not found")

    def _check_rate(self, chat_id: int) -> None:
        """Flood control: too many sends overall or to one chat in the last second get 429."""
        now = self.clock()
        for window, limit in (
            (self._recent, self.global_rate),
            (self._recent_by_chat[chat_id], self.per_chat_rate),
        ):
            while window and window[0] <= now - 1:
                window.popleft()
            if limit is not None and len(window) >= limit:
                self.count_429 += 1
                retry = max(1, math.ceil(window[0] + 1 - now))
                raise ApiError(429, f"Too Many Requests: retry after {retry}", {"retry_after": retry})
        group = self._recent_by_group[chat_id]
        while group and group[0] <= now - 60:
            group.popleft()
        if (
            chat_id in self._groups
            and self.group_per_minute is not None
            and len(group) >= self.group_per_minute
        ):
            self.count_429 += 1
            retry = max(1, math.ceil(group[0] + 60 - now))
            raise ApiError(429, f"Too Many Requests: retry after {retry}", {"retry_after": retry})
        self._recent.append(now)
        self._recent_by_chat[chat_id].append(now)
        group.append(now)

    def _outgoing(self, method: str, params: Json, **content: Any) -> Json:
        """Record a message the bot sent and return it as a Message object."""
        chat_id = int(params["chat_id"])
        chat = self._groups.get(chat_id) or {
            "id": chat_id,
            "type": "private",
            "first_name": self._users[chat_id]["first_name"],
        }
        message: Json = {
            "message_id": next(self._message_ids[chat_id]),
            "date": int(time.time()),
            "chat": chat,
            "from": self.bot_user,
            **content,
        }
        if params.get("reply_markup"):
            message["reply_markup"] = params["reply_markup"]
        self._messages[(chat_id, message["message_id"])] = message
        record = {
            "method": method,
            "chat_id": chat_id,
            "message_id": message["message_id"],
            "text": content.get("text"),
            "caption": content.get("caption"),
            "parse_mode": params.get("parse_mode"),
            "reply_markup": params.get("reply_markup"),
            "date": message["date"],
        }
        self._record(record)
        return message | {"_record": record}

    # --- methods (one per Bot API method used)

    async def _m_getMe(self, _params: Json) -> Json:
        return self.bot_user

    async def _m_getUpdates(self, params: Json) -> list[Json]:
        if self._webhook is not None:
            raise ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
            )
        offset = int(params.get("offset") or 0)
        if offset:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
        if params.get("allowed_updates") is not None:
            self._allowed = list(params["allowed_updates"]) or None  # an empty list: every kind again
        limit = int(params.get("limit") or 100)
        timeout = float(params.get("timeout") or 0)
        deadline = asyncio.get_running_loop().time() + timeout
        while not self._deliverable() and not self._draining and asyncio.get_running_loop().time() < deadline:
            await self._next_change(deadline - asyncio.get_running_loop().time())
        return self._updates[:limit]

    def _deliverable(self) -> list[Json]:
        """The queued updates, those of kinds not allowed dropped (Telegram never sends them)."""
        if self._allowed is not None:
            self._updates = [u for u in self._updates if set(u) - {"update_id"} <= set(self._allowed)]
        return self._updates

    async def _m_setWebhook(self, params: Json) -> bool:
        url = str(params.get("url") or "")
        if not url:
            return await self._m_deleteWebhook(params)
        if urlsplit(url).hostname != "127.0.0.1" and not self.replicas:
            raise ApiError(400, "Bad Request: bad webhook: this local server posts only to 127.0.0.1")
        if params.get("allowed_updates") is not None:
            self._allowed = list(params["allowed_updates"]) or None
        if params.get("drop_pending_updates"):
            self._updates.clear()
        self._webhook = params
        if self._poster is None or self._poster.done():
            self._poster = asyncio.create_task(self._post_updates())
        return True

    async def _m_deleteWebhook(self, params: Json) -> bool:
        self._webhook = None
        if params.get("drop_pending_updates"):
            self._updates.clear()
        self._notify()
        return True

    async def _m_getWebhookInfo(self, _params: Json) -> Json:
        url = self._webhook["url"] if self._webhook else ""
        return {"url": url, "has_custom_certificate": False, "pending_update_count": len(self._updates)}

    # --- the webhook: queued updates posted as Telegram posts them

    def balance(self, addresses: list[str]) -> None:
        """Stand in for a load balancer behind the webhook's public URL: updates go to these addresses in turn
        (`http://127.0.0.1:PORT`), on the path of the webhook's URL."""
        self.replicas = list(addresses)

    async def _post_updates(self) -> None:
        """While a webhook is set, post each queued update in order until one is taken (HTTP 2xx)."""
        async with ClientSession(timeout=ClientTimeout(total=30)) as session:
            while self._webhook is not None:
                pending = self._deliverable()
                if not pending:
                    await self._next_change(1.0)
                    continue
                update = pending[0]
                if await self._post(session, self._webhook, update):
                    self._updates.remove(update)
                    self._notify()
                else:
                    await asyncio.sleep(WEBHOOK_RETRY)

    async def _post(self, session: ClientSession, webhook: Json, update: Json) -> bool:
        """Post one update to the webhook (or the next replica), with the secret token; whether it was taken."""
        address = webhook["url"]
        if self.replicas:
            address = self.replicas[next(self._turns) % len(self.replicas)] + urlsplit(address).path
        headers = {"X-Telegram-Bot-Api-Secret-Token": str(webhook.get("secret_token") or "")}
        try:
            async with session.post(address, json=update, headers=headers) as response:
                outcome: int | str = response.status
        except (ClientError, OSError, TimeoutError) as error:
            outcome = type(error).__name__
        self.webhook_posts.append((address, update["update_id"], outcome))
        return isinstance(outcome, int) and 200 <= outcome < 300

    async def _stop_posting(self) -> None:
        """Stop posting updates (the server is closing)."""
        self._webhook = None
        if self._poster is not None:
            self._poster.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._poster
            self._poster = None

    async def _m_logOut(self, _params: Json) -> bool:
        return True

    async def _m_close(self, _params: Json) -> bool:
        return True

    def _scope(self, params: Json) -> str:
        """A command menu's scope: its type, with the chat for a chat scope (which must exist)."""
        scope = params.get("scope") or {}
        if "chat_id" not in scope:
            return str(scope.get("type", "default"))
        self._check_chat(int(scope["chat_id"]))
        return f"{scope['type']}:{scope['chat_id']}"

    async def _m_setMyCommands(self, params: Json) -> bool:
        self.commands[(self._scope(params), params.get("language_code") or "")] = list(
            params.get("commands") or []
        )
        return True

    async def _m_getMyCommands(self, params: Json) -> list[Json]:
        return self.commands.get((self._scope(params), params.get("language_code") or ""), [])

    async def _m_deleteMyCommands(self, params: Json) -> bool:
        self.commands.pop((self._scope(params), params.get("language_code") or ""), None)
        return True

    async def _m_setChatMenuButton(self, _params: Json) -> bool:
        return True

    async def _m_setMyDescription(self, _params: Json) -> bool:
        return True

    async def _m_setMyShortDescription(self, _params: Json) -> bool:
        return True

    async def _m_sendChatAction(self, _params: Json) -> bool:
        return True

    async def _m_getChatMember(self, params: Json) -> Json:
        chat_id, user_id = int(params["chat_id"]), int(params["user_id"])
        if chat_id not in self._groups:
            raise ApiError(400, "Bad Request: chat not found")
        status = "administrator" if user_id in self._group_admins[chat_id] else "member"
        member: Json = {"status": status, "user": self.add_user(user_id)}
        if status == "administrator":
            member |= {
                key: False
                for key in (
                    "can_be_edited",
                    "is_anonymous",
                    "can_manage_chat",
                    "can_delete_messages",
                    "can_manage_video_chats",
                    "can_restrict_members",
                    "can_promote_members",
                    "can_change_info",
                    "can_invite_users",
                    "can_post_stories",
                    "can_edit_stories",
                    "can_delete_stories",
                )
            }
        return member

    async def _m_answerInlineQuery(self, params: Json) -> bool:
        results = params.get("results") or []
        if len(results) > 50:
            raise ApiError(400, "Bad Request: too many inline query results")
        for result in results:
            content = result.get("input_message_content") or {}
            visible_text(str(content.get("message_text", "")), content.get("parse_mode"))
        self.inline_answers[str(params["inline_query_id"])] = params
        self._notify()
        return True

    async def _m_answerCallbackQuery(self, params: Json) -> bool:
        query_id = str(params.get("callback_query_id"))
        if query_id not in self._unanswered:
            raise ApiError(
                400, "Bad Request: query is too old and response timeout expired or query ID is invalid"
            )
        self._unanswered.discard(query_id)
        return True

    async def _m_sendMessage(self, params: Json) -> Json:
        text = str(params.get("text") or "")
        if not text.strip():
            raise ApiError(400, "Bad Request: message text is empty")
        if utf16_length(visible_text(text, params.get("parse_mode"))) > TEXT_LIMIT:
            raise ApiError(400, "Bad Request: message is too long")
        return self._result(self._outgoing("sendMessage", params, text=text))

    def _caption(self, params: Json) -> Json:
        """The caption of a photo or document, checked like Telegram."""
        caption = params.get("caption")
        if caption is None:
            return {}
        if utf16_length(visible_text(str(caption), params.get("parse_mode"))) > CAPTION_LIMIT:
            raise ApiError(400, "Bad Request: message caption is too long")
        return {"caption": str(caption)}

    def _upload(self, params: Json, field: str) -> tuple[str, bytes, str]:
        """Store an uploaded (or re-sent) file and return its id, bytes and name."""
        value = params.get(field)
        if isinstance(value, dict):
            file_id = f"up{len(self._files) + 1}"
            name = value["filename"] or field
            self._files[file_id] = (f"{field}s/{file_id}_{name}", value["content"])
            return file_id, value["content"], name
        if isinstance(value, str) and value in self._files:
            path, content = self._files[value]
            return value, content, path.rsplit("_", 1)[-1]
        raise ApiError(400, f"Bad Request: there is no {field} in the request")

    async def _m_sendPhoto(self, params: Json) -> Json:
        caption = self._caption(params)
        file_id, content, name = self._upload(params, "photo")
        sizes = [
            {
                "file_id": file_id,
                "file_unique_id": f"u{file_id}",
                "width": 800,
                "height": 450,
                "file_size": len(content),
            }
        ]
        message = self._outgoing("sendPhoto", params, photo=sizes, **caption)
        message["_record"].update(photo=content, filename=name)
        return self._result(message)

    async def _m_sendDocument(self, params: Json) -> Json:
        caption = self._caption(params)
        file_id, content, name = self._upload(params, "document")
        document = {
            "file_id": file_id,
            "file_unique_id": f"u{file_id}",
            "file_name": name,
            "file_size": len(content),
        }
        message = self._outgoing("sendDocument", params, document=document, **caption)
        message["_record"].update(document=content, filename=name)
        return self._result(message)

    async def _m_editMessageText(self, params: Json) -> Json:
        key = (int(params["chat_id"]), int(params["message_id"]))
        message = self._messages.get(key)
        if message is None:
            raise ApiError(400, "Bad Request: message to edit not found")
        text = str(params.get("text") or "")
        if utf16_length(visible_text(text, params.get("parse_mode"))) > TEXT_LIMIT:
            raise ApiError(400, "Bad Request: message is too long")
        if text == message.get("text") and params.get("reply_markup") == message.get("reply_markup"):
            raise ApiError(
                400,
                "Bad Request: message is not modified: specified new message content and reply markup are "
                "exactly the same as a current content and reply markup of the message",
            )
        message.update(text=text, edit_date=int(time.time()))
        if params.get("reply_markup"):
            message["reply_markup"] = params["reply_markup"]
        else:
            message.pop("reply_markup", None)
        self._record(
            {
                "method": "editMessageText",
                "chat_id": key[0],
                "message_id": key[1],
                "text": text,
                "caption": None,
                "parse_mode": params.get("parse_mode"),
                "reply_markup": params.get("reply_markup"),
                "date": message["edit_date"],
            }
        )
        return message

    async def _m_editMessageReplyMarkup(self, params: Json) -> Json:
        message = self._messages.get((int(params["chat_id"]), int(params["message_id"])))
        if message is None:
            raise ApiError(400, "Bad Request: message to edit not found")
        markup = params.get("reply_markup") or None
        if markup == message.get("reply_markup"):
            raise ApiError(400, "Bad Request: message is not modified")
        if markup:
            message["reply_markup"] = markup
        else:
            message.pop("reply_markup", None)
        return message

    def message(self, chat_id: int, message_id: int) -> Json | None:
        """A message the bot sent, as it stands now (after edits), or None if it was deleted."""
        return self._messages.get((chat_id, message_id))

    async def _m_deleteMessage(self, params: Json) -> bool:
        return self._messages.pop((int(params["chat_id"]), int(params["message_id"])), None) is not None

    async def _m_getFile(self, params: Json) -> Json:
        file_id = str(params.get("file_id"))
        if file_id not in self._files:
            raise ApiError(400, "Bad Request: invalid file_id")
        path, content = self._files[file_id]
        return {
            "file_id": file_id,
            "file_unique_id": f"u{file_id}",
            "file_size": len(content),
            "file_path": path,
        }

    @staticmethod
    def _result(message: Json) -> Json:
        """The Message object without the bookkeeping record."""
        return {k: v for k, v in message.items() if k != "_record"}


async def serve(port: int) -> None:
    """Run the server until interrupted."""
    server = FakeBotApi()
    await server.start(port)
    print(f"Bot API on {server.base_url} (token {server.token}); files on {server.base_file_url}", flush=True)
    try:
        await asyncio.Event().wait()
    finally:
        await server.stop()


if __name__ == "__main__":
    cli = argparse.ArgumentParser(description="local Telegram Bot API server")
    cli.add_argument("--port", type=int, default=8081)
    asyncio.run(serve(cli.parse_args().port))
