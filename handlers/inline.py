"""Telegram callbacks for inline queries: `@BotName Melhus 2015` in any chat."""

from __future__ import annotations

from telegram import InlineQueryResultArticle, InputTextMessageContent, Update
from telegram.constants import ParseMode

from bot.runtime import BotContext

CACHE_SECONDS = (
    30  # Telegram keeps an answer per query and user this long (is_personal): short, as figures change
)


async def on_inline_query(update: Update, context: BotContext) -> None:
    """Offer the assistant's cards for what is typed; the chosen one is sent as the card's HTML text."""
    query = update.inline_query
    if query is None:
        return
    assistant = context.bot_data.runtime.assistant
    caller = await assistant.caller(query.from_user.id, query.from_user.language_code)
    offers = await assistant.inline(query.query, caller)
    results = [
        InlineQueryResultArticle(
            offer.id,
            offer.title,
            InputTextMessageContent(offer.text, parse_mode=ParseMode.HTML),
            description=offer.description or None,
        )
        for offer in offers
    ]
    await query.answer(results, cache_time=CACHE_SECONDS, is_personal=True)
