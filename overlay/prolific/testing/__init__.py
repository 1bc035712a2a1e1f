"""``FakeProlific``: a stateful in-memory Prolific for tests, in-process or over real HTTP.

Every operation of the API is routed from the generated registry
(``prolific_api_client.operations.OPERATIONS``): credential pools, studies (drafts, the pool
attached to them, publishing, the credentials report, submissions), participant groups and their
members, invitations and surveys answer from state, with the API's checks; every other operation
answers its documented success with a body valid against the published document, made up from its
response schema (:mod:`prolific.testing._synth`: realistic, the same for the same ``seed`` and requests, agreeing
with the state where it can), until ``fake.route(operation_id, handler)`` answers it. The fake keeps
what it stores inspectable, records every request (secrets redacted from reprs), and injects the
faults real networks and proxies produce (error statuses, dropped connections, stalls).

Two ways to reach it:

* in-process: ``fake.transport`` is an httpx transport for ``httpx.Client`` *and*
  ``httpx.AsyncClient``;
* over the network: ``with fake.serve() as url:`` runs a real HTTP/1.1 server on 127.0.0.1.

Only the standard library, httpx and the generated operation registry are used: importing this
package does not import the client or the generated models.

A study lives as on Prolific (places respected; it fills, awaits review and completes; returns and
time-outs free a place) on the fake's own clock (``fake.clock``, moved only by ``fake.advance``),
and the fake keeps Prolific's record of bonus payments. ``/__fake__/…`` is its admin surface over
HTTP (``prolific-client fake …`` wraps it).

Modules: ``_fake`` (the class: state, seeding, faults, routes), ``_dispatch`` (the request
pipeline, ``fake.dispatcher``, which ``_transport`` and ``_server`` receive), ``_routes`` (route
table, the handler types), ``_synth`` (the answers of the operations no store models), ``_faults``
(the fault queue), ``_clock``, ``_admin`` (the admin surface over HTTP), ``_recording``, and one
module per resource (``_credentials``, ``_studies``, ``_submissions``, ``_bonuses``, ``_groups``,
``_invitations``, ``_surveys``, ...), with a study's rules (cost, balance, what a published study
refuses, copies) in ``_study_rules`` and the filter catalogue and eligible count in ``_filters``.
"""

from __future__ import annotations

from ._fake import FakeProlific
from ._recording import RecordedRequest
from ._routes import FakeRequest, Handler, HandlerResult, error_response

__all__ = ["FakeProlific", "FakeRequest", "Handler", "HandlerResult", "RecordedRequest", "error_response"]
