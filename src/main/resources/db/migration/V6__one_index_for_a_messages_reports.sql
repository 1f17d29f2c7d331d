-- A message's reports were indexed twice by message_id: (message_id, reported_at_ms) for its history
-- and (message_id, received_at_ms) for the reports still parked (message_id NULL). The second serves
-- both: a history is a few rows, sorted after they are found. One index fewer to write per report.
DROP INDEX status_event_message ON status_event;
