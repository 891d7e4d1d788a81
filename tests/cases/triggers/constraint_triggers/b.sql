create table t (id int primary key, ref int);
create function chk() returns trigger language plpgsql as $$ begin return null; end $$;
create constraint trigger c_chk after insert or update on t deferrable initially immediate for each row execute function chk();
create constraint trigger c_new after delete on t for each row execute function chk();
