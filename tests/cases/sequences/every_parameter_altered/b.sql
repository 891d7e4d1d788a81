create sequence s increment by 5 minvalue 0 maxvalue 1000 start with 10 cache 20 cycle;
