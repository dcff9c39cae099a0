-- A deposit is taken by hand once: two members recording it at the same moment record it once.
create unique index payments_one_deposit_by_hand on payments (business_id, appointment_id)
    where kind = 'deposit' and method = 'in_person' and status = 'paid';
