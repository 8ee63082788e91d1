"""Charts are drawn in worker threads: the event loop goes on meanwhile, and concurrent drawings agree."""

from __future__ import annotations

import asyncio
import io
import threading

from matplotlib.figure import Figure

from bot import charts
from bot.charts import bar_chart, share_chart
from bot.replies import Reply

PNG = b"\x89PNG"
SERIES = {"alle": {2014: 380.0, 2015: 495.0, 2016: 610.0}, "EM": {2015: 40.0, 2016: 55.0}}


class LoopWatch:
    """A chart that is drawn only after the event loop has run meanwhile: on the loop itself it would wait in vain."""

    def __init__(self) -> None:
        self.loop = asyncio.get_running_loop()
        self.drawing: asyncio.Future[None] = self.loop.create_future()
        self.ticked = threading.Event()

    def draw(self) -> bytes:
        """Tell the loop that drawing has begun, wait until a coroutine on it has ticked, then draw."""
        self.loop.call_soon_threadsafe(self.drawing.set_result, None)
        if not self.ticked.wait(timeout=30):
            raise AssertionError("the event loop stood still while the chart was drawn")
        return bar_chart("Bosatt Trondheim", SERIES)

    async def tick(self) -> None:
        """Another coroutine on the event loop: it runs while the drawing is under way."""
        await self.drawing
        self.ticked.set()


async def test_the_event_loop_goes_on_while_a_chart_is_drawn() -> None:
    """A coroutine runs on the loop during the drawing, and the reply keeps the PNG it drew."""
    watch = LoopWatch()
    reply = Reply("Trondheim", draw=watch.draw)
    photo, _ = await asyncio.gather(reply.drawn(), watch.tick())
    assert photo is not None and photo.startswith(PNG)
    assert reply.photo == photo and reply.draw is None


async def test_a_given_picture_is_not_drawn_again() -> None:
    """A reply with its PNG already, or with none, needs no worker thread."""
    assert await Reply("chart", photo=PNG).drawn() == PNG
    assert await Reply("text").drawn() is None


async def test_charts_drawn_at_once_in_threads_are_the_same_as_one_by_one() -> None:
    """Each chart has a figure of its own: four threads drawing at once make the same PNGs as one thread."""
    alone = [bar_chart("Bosatt", SERIES), share_chart("Andel", {"Melhus": 0.4, "Malvik": 0.9}, 0.5, "tempo")]
    together = await asyncio.gather(
        *(asyncio.to_thread(bar_chart, "Bosatt", SERIES) for _ in range(2)),
        *(
            asyncio.to_thread(share_chart, "Andel", {"Melhus": 0.4, "Malvik": 0.9}, 0.5, "tempo")
            for _ in range(2)
        ),
    )
    assert together == [alone[0], alone[0], alone[1], alone[1]]


def test_a_chart_is_the_png_savefig_makes() -> None:
    """Drawn once on its canvas, a chart is byte for byte the PNG matplotlib's savefig makes of it."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    def figure() -> Figure:
        drawn = Figure(figsize=(8, 4.5), dpi=100)
        drawn.subplots().bar([0, 1, 2], [380.0, 495.0, 610.0], label="Bosatt")
        return drawn

    saved = figure()
    FigureCanvasAgg(saved)
    saved.tight_layout()
    png = io.BytesIO()
    saved.savefig(png, format="png")
    assert charts._png(figure()) == png.getvalue()
