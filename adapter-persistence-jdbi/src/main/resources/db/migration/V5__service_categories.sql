-- Headings that group a business's services ("Hair", "Nails").
create table service_categories (
    business_id uuid    not null references businesses (id),
    id          uuid    not null,
    name        text    not null,
    position    integer not null default 0,
    primary key (business_id, id)
);
create unique index service_categories_name on service_categories (business_id, lower(name));

alter table services add column category_id uuid;
alter table services add constraint services_category_fk
    foreign key (business_id, category_id) references service_categories (business_id, id);
