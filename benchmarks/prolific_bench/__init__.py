"""The parts of ``benchmarks/run.py``: how a row is timed and sized, what it measures, how the table is printed.

- :mod:`.harness`: :class:`~.harness.Row`, the one sizing notion (:class:`~.harness.Size`), interleaved
  timing against a baseline of the same run, peak memory, the cyclic GC paused.
- :mod:`.processes`: child processes: their environment, FakeProlific servers, commands run as a row.
- :mod:`.subjects`: what is measured, one module per area; each public function there runs one group.
- :mod:`.report`: the markdown table and the lines around it.

The registry of groups (each row's key and target) and the command line are in ``benchmarks/run.py``.
"""
