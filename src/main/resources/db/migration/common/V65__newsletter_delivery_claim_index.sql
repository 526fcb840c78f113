-- Workers lease queued deliveries in subscriber order: this index lets the claim read them in that
-- order and stop after one batch, instead of sorting every queued row of the issue for each batch.
create index newsletter_delivery_claim on newsletter_delivery (issue_id, status, subscriber_id);
