"""Reminders as e-mail: ``compose`` (a reminder as an RFC 5322 message in its recipient's
language), ``files`` (``.eml`` drafts and an mbox file), ``smtp`` (sending through the server
of ``[mail]``) and ``sent`` (what was sent to whom, remembered outside the repository, so
nobody gets the same reminder twice within ``[mail] repeat_days``). Nothing here prints or
exits; failures are :class:`partnerkit.errors.UsageError` with what to do.
"""
