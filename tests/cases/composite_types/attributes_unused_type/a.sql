create type point3 as (x int, y int, z int, w int);
