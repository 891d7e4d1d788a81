create sequence s;
comment on sequence s is 'it''s "quoted"';
