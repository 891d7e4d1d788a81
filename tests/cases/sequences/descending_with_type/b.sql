create sequence s as integer increment by -1 minvalue -100 maxvalue -1 start with -1 cache 1 cycle;
