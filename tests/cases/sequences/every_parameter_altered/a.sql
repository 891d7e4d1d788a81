create sequence s increment by 1 minvalue 1 maxvalue 100 start with 1 cache 1 no cycle;
