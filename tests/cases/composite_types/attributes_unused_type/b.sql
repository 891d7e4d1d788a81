create type point3 as (x bigint, y int, z int, label text collate "C");
