-- Collections are read by their parent's id: a claim's history and attachments, a visit's services.
-- Without these indexes each read scanned the whole table, so submitting or showing a claim slowed
-- down as the hub filled up (seen in the dispatch benchmark: 50,000 claims, submit at half speed).
create index claim_status_change_claim_idx on claim_status_change (claim_id);
create index claim_attachment_claim_idx on claim_attachment (claim_id);
create index claim_attachment_content_idx on claim_attachment (content_id);
create index visit_service_visit_idx on visit_service (visit_id);
create index visit_enrollee_idx on visit (enrollee_id);
create index claim_visit_idx on claim (visit_id);
