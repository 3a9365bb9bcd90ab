-- What the payer itself says of the money it did not pay (issue 13): the patient's responsibility (X12 CAS
-- group PR and CLP05, FHIR copay/deductible, a mapped patientResponsibility field) and the provider's
-- contractual write-off (CAS group CO), per claim and per line. Null where the payer gave no split: the
-- patient's share is then billed less approved, as before. Runs unchanged on PostgreSQL and H2.
alter table claim add column patient_responsibility numeric(14, 2);
alter table claim add column contractual_adjustment numeric(14, 2);
alter table claim_line add column patient_responsibility numeric(14, 2);
alter table claim_line add column contractual_adjustment numeric(14, 2);
