-- GET /api/messages?recipient= alone read the whole table: every filter the read APIs offer has an
-- index or is refused. Written once a message, when it is sent (reports never change a recipient).
CREATE INDEX message_recipient ON message (recipient, created_at_ms);
