create schema a;
comment on schema a is 'new: it''s \ here';
create schema b;
comment on schema b is 'added';
create schema c;
