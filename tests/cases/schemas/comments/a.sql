create schema a;
comment on schema a is 'old';
create schema b;
create schema c;
comment on schema c is 'remove me';
