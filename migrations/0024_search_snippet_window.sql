-- The public search's snippets: ts_headline parses and stems the whole text it is given (about 0.15 ms per kB), and a
-- page of 20 results over long descriptions spent 14 ms on it. It now gets a window of 700 characters (the snippet
-- shows one or two fragments of 12-35 words) from shortly before the first word that is one of the query's lexemes
-- and an ending of at most five letters ("anmeld" in "Anmeldungen", not in the compound "Anmeldebescheinigung", which
-- stems to another lexeme), without a cut word at its start; where no word is found so (an umlaut the stemmer folded:
-- "Ärzte" is "arzt"), the text's beginning. A text of at most 700 characters is given whole.
create function hub_snippet_source(doc text, query tsquery) returns text language sql immutable parallel safe
set search_path = pg_catalog, pg_temp
as $$
    select case when length(doc) <= 700 then doc
                when at <= 230 then left(doc, 700)
                else regexp_replace(substr(doc, at - 230, 700), '^[^[:space:]]*[[:space:]]+', '') end
    from (select coalesce(nullif(regexp_instr(doc, '(^|[[:space:][:punct:]])(' || string_agg(regexp_replace(m[1], '([^[:alnum:]])', '\\\1', 'g'), '|')
                                                   || ')[^[:space:][:punct:]]{0,5}([[:space:][:punct:]]|$)',
                                              1, 1, 0, 'i'), 0), 1) as at
          from regexp_matches(query::text, '''((?:[^'']|'''')+)''', 'g') m) w
$$;
