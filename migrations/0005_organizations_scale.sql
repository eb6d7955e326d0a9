-- Organizations at state scale: ARS, population and the Kreis code from the Destatis Gemeindeverzeichnis,
-- so `./hub import organizations` can load every municipality and Kreis of a Land.

alter table organizations add column ars text;
alter table organizations add column population integer;
alter table organizations add column kreis_code text;
alter table organizations add constraint ck_organizations_ars check (ars is null or ars ~ '^[0-9]{12}$');
alter table organizations add constraint ck_organizations_population check (population is null or population >= 0);
alter table organizations add constraint ck_organizations_kreis_code check (kreis_code is null or kreis_code ~ '^[0-9]{5}$');
update organizations set kreis_code = substr(ags, 1, 5) where ags is not null;
create index ix_organizations_kreis_code on organizations (kreis_code) where kreis_code is not null;
