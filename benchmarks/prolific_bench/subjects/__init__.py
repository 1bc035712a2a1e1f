"""What is measured, one module per area; each public function runs one group of rows (``run.py`` registers them).

- :mod:`.send`: the send path on ``httpx.MockTransport`` and over loopback (``create_pool``, a GET through
  a client method, the model parse).
- :mod:`.paginate`: ``client.paginate`` over FakeProlific's submissions.
- :mod:`.reviews`: ``submissions.approve`` and ``iter_awaiting_review``.
- :mod:`.credentials`: reading and writing a million credentials, ``upload``, the credentials report.
- :mod:`.bonuses`: ``read_bonuses``.
- :mod:`.webhooks`: verifying a delivery.
- :mod:`.startup`: fresh interpreters: ``import prolific``, first use, the CLI's start.
- :mod:`.pipeline`: ``make generate``, ``make check-generated``, the spec diff.
- :mod:`.clients`: what several areas share: the clients a row compares, built alike.
"""
