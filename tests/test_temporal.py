"""The German temporal tagger: phrases in sentences with a fixed document date -> exact TIMEX3 values."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.temporal import Timex, interval_of, tag


def only(text: str, dct: str | None, phrase: str) -> Timex:
    """The single expression whose text is `phrase` (fails when it is missing)."""
    found = [t for t in tag(text, date.fromisoformat(dct) if dct else None) if t.text == phrase]
    assert found, (
        f"{phrase!r} not found in {[t.text for t in tag(text, date.fromisoformat(dct) if dct else None)]}"
    )
    return found[0]


# (document date, sentence, expression as written, type, value, mod)
CASES = [
    # seed examples
    (
        "2025-04-28",
        "Am gestrigen Sonntag griffen russische Truppen Charkiw an.",
        "gestrigen Sonntag",
        "DATE",
        "2025-04-27",
        None,
    ),
    (
        "2025-04-28",
        "Im Juni vergangenen Jahres hatte er das Gegenteil gesagt.",
        "Juni vergangenen Jahres",
        "DATE",
        "2024-06",
        None,
    ),
    ("2024-11-11", "Am Sonntag hatten Drohnen Moskau angegriffen.", "Sonntag", "DATE", "2024-11-10", None),
    (
        "2025-04-28",
        "Die Armee habe zwei Dörfer erobert, berichteten Staatsmedien am Montag.",
        "Montag",
        "DATE",
        "2025-04-28",
        None,
    ),
    ("2025-04-28", "Am letzten Montag wurde gewählt.", "letzten Montag", "DATE", "2025-04-21", None),
    (
        "2025-04-28",
        "Wie US-Außenminister Marco Rubio am gestrigen Sonntag erklärte, sei eine Einigung nahe. Rubios "
        "Äußerungen erfolgten einen Tag, nachdem sich Trump am Rande der Beerdigung getroffen hatte.",
        "einen Tag",
        "DURATION",
        "P1D",
        None,
    ),
    (
        "2024-11-11",
        "Am Donnerstag war der Minister in Kiew eingetroffen.",
        "Donnerstag",
        "DATE",
        "2024-11-07",
        None,
    ),
    (
        "2024-11-11",
        "Trump, der im Januar sein Amt antreten soll, sagte wenig.",
        "Januar",
        "DATE",
        "2025-01",
        None,
    ),
    (
        "2024-12-03",
        "Am Montag kündigte der Präsident ein neues Paket an.",
        "Montag",
        "DATE",
        "2024-12-02",
        None,
    ),
    ("2024-12-03", "Letzten Monat wurde das Paket beschlossen.", "Letzten Monat", "DATE", "2024-11", None),
    ("2024-12-03", "Seit Anfang 2022 tobt der Krieg.", "Anfang 2022", "DATE", "2022", "START"),
    ("2024-11-11", "Im Sommer hatten die Truppen die Stadt erobert.", "Sommer", "DATE", "2024-SU", None),
    # absolute dates
    (
        "2024-11-11",
        "Am 8. November 2024 fiel die Entscheidung.",
        "8. November 2024",
        "DATE",
        "2024-11-08",
        None,
    ),
    ("2024-11-11", "Der Vertrag vom 08.11.2024 gilt.", "08.11.2024", "DATE", "2024-11-08", None),
    ("2024-11-11", "Am 8.11. wurde gewählt.", "8.11.", "DATE", "2024-11-08", None),
    ("2024-11-11", "Am 8. Nov. wurde gewählt.", "8. Nov.", "DATE", "2024-11-08", None),
    ("2024-11-11", "Im November 2024 begann die Offensive.", "November 2024", "DATE", "2024-11", None),
    ("2024-11-11", "Das Abkommen stammt aus 2014.", "2014", "DATE", "2014", None),
    ("2024-11-11", "Im Jahr 2021 zog Russland Truppen zusammen.", "Jahr 2021", "DATE", "2021", None),
    ("2024-11-11", "In den 1990er Jahren war das anders.", "den 1990er Jahren", "DATE", "199", None),
    ("2024-11-11", "Das 20. Jahrhundert war blutig.", "20. Jahrhundert", "DATE", "19", None),
    (
        "2010-02-20",
        "Die Banken laden am Donnerstag, 25. Februar nach Bozen.",
        "Donnerstag, 25. Februar",
        "DATE",
        "2010-02-25",
        None,
    ),
    ("2015-01-30", "Die Feier findet am 29. Jänner statt.", "29. Jänner", "DATE", "2015-01-29", None),
    ("2024-11-11", "Am 1.9.39 begann der Krieg.", "1.9.39", "DATE", "1939-09-01", None),
    (
        "2024-11-11",
        "Die Schlacht endete 480 v. Chr. mit einer Niederlage.",
        "480 v. Chr.",
        "DATE",
        "BC0480",
        None,
    ),
    (
        "2024-11-11",
        "Im zweiten Quartal 2024 sank die Produktion.",
        "zweiten Quartal 2024",
        "DATE",
        "2024-Q2",
        None,
    ),
    (
        "2024-11-11",
        "Die Arbeit kam im Frühjahr 2015 zum Stillstand.",
        "Frühjahr 2015",
        "DATE",
        "2015-SP",
        None,
    ),
    ("2024-11-11", "Die Truppen rückten im Mai/Juni 1940 vor.", "Juni 1940", "DATE", "1940-06", None),
    ("2024-11-11", "Die Truppen rückten im Mai/Juni 1940 vor.", "Mai", "DATE", "1940-05", None),
    ("2024-11-11", "In den zwanziger Jahren wuchs die Stadt.", "den zwanziger Jahren", "DATE", "192", None),
    (
        "2024-11-11",
        "Seit Ende des 19. Jahrhunderts wächst die Stadt.",
        "Ende des 19. Jahrhunderts",
        "DATE",
        "18",
        "END",
    ),
    # weekdays with modifiers
    (
        "2015-08-17",
        "Am vergangenen Freitag brannte die Scheune.",
        "vergangenen Freitag",
        "DATE",
        "2015-08-14",
        None,
    ),
    ("2024-11-11", "Am kommenden Montag tagt der Rat.", "kommenden Montag", "DATE", "2024-11-18", None),
    ("2013-09-30", "Eurosur steht am Mittwoch zur Abstimmung.", "Mittwoch", "DATE", "2013-10-02", None),
    (
        "2016-01-13",
        "Der Gemeinderat sprach sich am Dienstagabend dafür aus.",
        "Dienstagabend",
        "TIME",
        "2016-01-12TEV",
        None,
    ),
    # deictic and relative
    ("2024-11-11", "Heute beginnt der Gipfel.", "Heute", "DATE", "2024-11-11", None),
    ("2024-11-11", "Gestern wurde die Brücke zerstört.", "Gestern", "DATE", "2024-11-10", None),
    ("2024-11-11", "Vorgestern wurde die Brücke zerstört.", "Vorgestern", "DATE", "2024-11-09", None),
    ("2024-11-11", "Die Minister treffen sich morgen in Brüssel.", "morgen", "DATE", "2024-11-12", None),
    ("2024-11-11", "Übermorgen treffen sich die Minister.", "Übermorgen", "DATE", "2024-11-13", None),
    ("2024-11-11", "Der Minister reiste gestern Abend ab.", "gestern Abend", "TIME", "2024-11-10TEV", None),
    ("2024-11-11", "Vergangenen Monat fielen die Preise.", "Vergangenen Monat", "DATE", "2024-10", None),
    ("2024-11-11", "Nächsten Monat wird gewählt.", "Nächsten Monat", "DATE", "2024-12", None),
    ("2024-11-13", "Diese Woche beraten die Außenminister.", "Diese Woche", "DATE", "2024-W46", None),
    ("2024-11-13", "Die Außenminister beraten in dieser Woche.", "dieser Woche", "DATE", "2024-W46", None),
    ("2024-11-11", "Nächstes Jahr soll die Brücke fertig sein.", "Nächstes Jahr", "DATE", "2025", None),
    ("2015-05-08", "Im vergangenen Jahr kamen 1700 Menschen.", "vergangenen Jahr", "DATE", "2014", None),
    (
        "2011-03-02",
        "Der Sitz zieht ab Juli dieses Jahres nach Bozen.",
        "Juli dieses Jahres",
        "DATE",
        "2011-07",
        None,
    ),
    (
        "2015-03-02",
        "Im August vorigen Jahres war es ruhig.",
        "August vorigen Jahres",
        "DATE",
        "2014-08",
        None,
    ),
    ("2024-11-11", "Vor drei Monaten begann die Offensive.", "Vor drei Monaten", "DATE", "2024-08", None),
    ("2024-11-11", "Vor zwei Jahren wurde die Stadt besetzt.", "Vor zwei Jahren", "DATE", "2022", None),
    ("2024-11-11", "In zwei Wochen wird der Rat entscheiden.", "In zwei Wochen", "DATE", "2024-W48", None),
    (
        "2024-11-11",
        "Die Armee erreichte die Stadt im Juni 1941. Im März des folgenden Jahres zog sie ab.",
        "März des folgenden Jahres",
        "DATE",
        "1942-03",
        None,
    ),
    ("2024-11-11", "Die Lieferung kommt Anfang Dezember.", "Anfang Dezember", "DATE", "2024-12", "START"),
    ("2024-11-11", "Die Lieferung kommt Mitte Dezember.", "Mitte Dezember", "DATE", "2024-12", "MID"),
    ("2024-11-11", "Die Lieferung kommt Ende Dezember.", "Ende Dezember", "DATE", "2024-12", "END"),
    ("2024-11-11", "Die Lieferung soll im Frühjahr kommen.", "Frühjahr", "DATE", "2025-SP", None),
    (
        "2024-11-11",
        "Der Plan soll zum Jahreswechsel in Kraft treten.",
        "Jahreswechsel",
        "DATE",
        "2025-01-01",
        None,
    ),
    ("2024-11-11", "Die Firma ging Ende 2002 pleite.", "Ende 2002", "DATE", "2002", "END"),
    (
        "2024-11-11",
        "Die Stadt fiel am 3. März 1943. Einen Tag, nachdem die Armee abzog, kam die Flut.",
        "Einen Tag",
        "DURATION",
        "P1D",
        None,
    ),
    (
        "2024-11-11",
        "Am 6. Juni 1944 landeten sie. Drei Tage später fiel die Stadt.",
        "Drei Tage später",
        "DATE",
        "1944-06-09",
        None,
    ),
    (
        "2024-11-11",
        "Die Stadt fiel am 3. März 1943. Am Tag darauf kam die Flut.",
        "Tag darauf",
        "DATE",
        "1943-03-04",
        None,
    ),
    ("2015-02-06", "Die Stadt meldete am Vortag einen Rekord.", "Vortag", "DATE", "2015-02-05", None),
    ("2015-05-08", "Der Umsatz stieg gegenüber dem Vorjahr.", "Vorjahr", "DATE", "2014", None),
    # durations
    ("2024-11-11", "Die Belagerung dauerte drei Monate.", "drei Monate", "DURATION", "P3M", None),
    ("2024-11-11", "Seit drei Monaten wird gekämpft.", "drei Monaten", "DURATION", "P3M", None),
    ("2024-11-11", "Der Strom fiel 24 Stunden aus.", "24 Stunden", "DURATION", "PT24H", None),
    ("2024-11-11", "Die Kämpfe dauerten mehrere Tage.", "mehrere Tage", "DURATION", "PXD", None),
    ("2024-11-11", "Die Sitzung dauerte zwölf Minuten.", "zwölf Minuten", "DURATION", "PT12M", None),
    ("2024-11-11", "Er war dreißig Jahre im Amt.", "dreißig Jahre", "DURATION", "P30Y", None),
    ("2024-11-11", "Das Projekt lief rund 200 Stunden.", "rund 200 Stunden", "DURATION", "PT200H", "APPROX"),
    (
        "2024-11-11",
        "In den vergangenen fünf Jahren stieg die Zahl.",
        "den vergangenen fünf Jahren",
        "DURATION",
        "P5Y",
        None,
    ),
    (
        "2024-11-11",
        "In den vergangenen Jahren stieg die Zahl.",
        "den vergangenen Jahren",
        "DURATION",
        "PXY",
        None,
    ),
    (
        "2024-11-11",
        "Nach jahrelangen Verhandlungen gab es eine Einigung.",
        "jahrelangen",
        "DURATION",
        "PXY",
        None,
    ),
    ("2024-11-11", "Es war ein dreijähriger Krieg.", "dreijähriger", "DURATION", "P3Y", None),
    # vague
    ("2024-11-11", "Kürzlich wurde bekannt, dass es mehr sind.", "Kürzlich", "DATE", "PAST_REF", None),
    ("2024-11-11", "Derzeit sind keine Gespräche geplant.", "Derzeit", "DATE", "PRESENT_REF", None),
    ("2024-11-11", "In Zukunft soll das anders werden.", "In Zukunft", "DATE", "FUTURE_REF", None),
    ("2014-02-13", "Wie berichtet, wollte der Ex-Landesrat nichts sagen.", "Ex", "DATE", "PAST_REF", None),
    ("2024-11-11", "Jetzt ist es zu spät.", "Jetzt", "DATE", "PRESENT_REF", None),
    # sets
    ("2024-11-11", "Sie demonstrieren jeden Montag.", "jeden Montag", "SET", "XXXX-WXX-1", None),
    ("2024-11-11", "Die Zahlen werden täglich aktualisiert.", "täglich", "SET", "P1D", None),
    ("2024-11-11", "Der Bericht erscheint jährlich.", "jährlich", "SET", "P1Y", None),
    ("2024-11-11", "Der Rat tagt alle zwei Wochen.", "alle zwei Wochen", "SET", "P2W", None),
    ("2024-11-11", "Das Museum öffnet sonntags.", "sonntags", "SET", "XXXX-WXX-7", None),
    # ranges
    ("2024-11-11", "Der Gipfel findet vom 3. bis 5. Dezember statt.", "3.", "DATE", "2024-12-03", None),
    (
        "2024-11-11",
        "Der Gipfel findet vom 3. bis 5. Dezember statt.",
        "5. Dezember",
        "DATE",
        "2024-12-05",
        None,
    ),
    ("2024-11-11", "Zwischen 2014 und 2022 starben Tausende.", "2014", "DATE", "2014", None),
    ("2024-11-11", "Zwischen 2014 und 2022 starben Tausende.", "2022", "DATE", "2022", None),
    # times
    ("2013-11-30", "Der Gottesdienst beginnt um 17 Uhr.", "17 Uhr", "TIME", "2013-11-30T17:00", None),
    (
        "2013-11-30",
        "Der Gemeinderat trifft sich um 19.30 Uhr.",
        "19.30 Uhr",
        "TIME",
        "2013-11-30T19:30",
        None,
    ),
    (
        "2024-11-11",
        "Am 1. September 1939 um 4:45 Uhr fielen Schüsse.",
        "4:45 Uhr",
        "TIME",
        "1939-09-01T04:45",
        None,
    ),
    # found in error analysis on the dev corpora
    ("2015-05-08", "Vorgesehen sind heuer vier Turnusse.", "heuer", "DATE", "2015", None),
    (
        "2014-12-22",
        "Die Athleten waren am Wochenende in Ruhpolding erfolgreich.",
        "Wochenende",
        "DATE",
        "2014-W51-WE",
        None,
    ),
    ("2012-09-20", "Gespielt wird am 3., 4. und 7. Oktober.", "4.", "DATE", "2012-10-04", None),
    ("2012-09-20", "Gespielt wird am 3., 4. und 7. Oktober.", "7. Oktober", "DATE", "2012-10-07", None),
    ("2024-11-11", "Westfront 1940/1941", "1941", "DATE", "1941", None),
    (
        "2024-11-11",
        "Am 6. Juni 1944 landeten sie. Wenige Tage später fiel Caen.",
        "Wenige Tage später",
        "DATE",
        "FUTURE_REF",
        None,
    ),
    (
        "2011-02-16",
        "1861\n\nDer Kongress stimmte am 4. Juli zu. Im Herbst verließen viele die Armee.",
        "4. Juli",
        "DATE",
        "1861-07-04",
        None,
    ),
    (
        "2011-02-16",
        "1861\n\nDer Kongress stimmte am 4. Juli zu. Im Herbst verließen viele die Armee.",
        "Herbst",
        "DATE",
        "1861-FA",
        None,
    ),
    ("2024-11-11", "Mugnano arbeitet seit Jahren beim Verein.", "Jahren", "DURATION", "PXY", None),
    (
        "2024-11-11",
        "Bereits am 8. Mai um 23:00 Uhr mitteleuropäischer Zeit waren die Waffen still.",
        "23:00 Uhr mitteleuropäischer Zeit",
        "TIME",
        "2024-05-08T23:00+01",
        None,
    ),
    # the timeline's anchor: side references do not move it
    (
        "2011-02-16",
        "1862\n\nNach dem Krieg überfiel die Gruppe bis 1881 Banken.\n\nDie Union stellte im Oktober Farbige ein.",
        "Oktober",
        "DATE",
        "1862-10",
        None,
    ),
    (
        "2011-02-16",
        "1863\n\nIm letzten Jahr war ein Patt entstanden. Im Oktober griff die Union an.",
        "letzten Jahr",
        "DATE",
        "1862",
        None,
    ),
    (
        "2011-02-16",
        "1863\n\nIm letzten Jahr war ein Patt entstanden. Im Oktober griff die Union an.",
        "Oktober",
        "DATE",
        "1863-10",
        None,
    ),
    (
        "2011-02-16",
        "Westfront 1944/1945\n\nAm 6. Juni landeten die Alliierten in der Normandie.",
        "6. Juni",
        "DATE",
        "1944-06-06",
        None,
    ),
    (
        "2011-02-16",
        "Der Kriegsschauplatz Nordafrika 1940–1943\n\nIm Juni griffen die Italiener an.",
        "Juni",
        "DATE",
        "1940-06",
        None,
    ),
    (
        "2013-11-30",
        "Markt, heute ab 15 Uhr, am morgigen Sonntag von 10-12 Uhr. Gossensaß: Vortrag über Zwangsarbeit "
        "zwischen 1943 bis 1945, 15-18 Uhr. Brixen: Adventsbazar an der Waldorfschule, 10-17 Uhr.",
        "17 Uhr",
        "TIME",
        "2013-11-30T17:00",
        None,
    ),
    # news: only a written month or date with its year anchors what follows, not a bare year
    (
        "2014-11-20",
        "Der Lehrgang soll im Frühjahr 2015 starten. Eine Informationsveranstaltung steht im April an.",
        "April",
        "DATE",
        "2015-04",
        None,
    ),
    (
        "2015-05-09",
        "Dazu wurde ein Wein, Jahrgang 2013, gereicht. Die Zeitschrift ist ab 15. Mai erhältlich.",
        "15. Mai",
        "DATE",
        "2015-05-15",
        None,
    ),
    (
        "2015-03-24",
        "Alle im Jahr 2014 geborenen Kinder haben einen Baum. Gewöhnlich wird der Tag im November begangen.",
        "November",
        "DATE",
        "2015-11",
        None,
    ),
    # tense shown only in another clause does not push a date weeks ahead back by a year
    (
        "2012-11-30",
        "Sie kam nicht, und so sucht er sie weiter: Hochkofler gastiert am 9. Dezember in Bozen.",
        "9. Dezember",
        "DATE",
        "2012-12-09",
        None,
    ),
    (
        "2011-04-30",
        "Zur Seligsprechung, die am 1. Mai stattfindet, ist eine Skulptur zu sehen, die gestern aufgestellt wurde.",
        "1. Mai",
        "DATE",
        "2011-05-01",
        None,
    ),
    ("2012-11-30", "Am 9. Dezember wurde er gewählt.", "9. Dezember", "DATE", "2011-12-09", None),
    (
        "2011-02-16",
        "Im Frühjahr 1945 rückten sie vor. In der Nacht vom 16. auf den 17. April 1945 fiel die Stadt.",
        "Nacht vom 16.",
        "TIME",
        "1945-04-16TNI",
        None,
    ),
    (
        "2011-02-16",
        "Am 22. Juni 1941 griff Deutschland an. Ein halbes Jahr später wurden auch die USA Kriegsgegner.",
        "Ein halbes Jahr später",
        "DATE",
        "1941-12",
        None,
    ),
    (
        "2011-02-16",
        "Im Jahr 1862 blieb es ruhig. Zu Beginn des Jahres griff die Union an.",
        "Beginn des Jahres",
        "DATE",
        "1862",
        "START",
    ),
    # number words, headlines, old spelling
    ("2024-11-11", "Zwölf Tage lang wurde verhandelt.", "Zwölf Tage", "DURATION", "P12D", None),
    ("2024-11-11", "AM SONNTAG GRIFFEN DROHNEN KIEW AN", "SONNTAG", "DATE", "2024-11-10", None),
    ("2024-11-11", "GESTERN FIEL DIE STADT", "GESTERN", "DATE", "2024-11-10", None),
    (
        "2024-11-11",
        "Dreissig Jahre nach der Wende ist vieles anders.",
        "Dreissig Jahre",
        "DURATION",
        "P30Y",
        None,
    ),
    # news: a year named in passing does not set the year of a later month; the month resolves by tense
    (
        "2024-12-03",
        "Er zog sich 2019 zurück. Der BRICS-Gipfel im Oktober, der in Sotschi stattfand, unterstrich die Versuche.",
        "Oktober",
        "DATE",
        "2024-10",
        None,
    ),
    # a weak-verb preterite ("äußerte", "-te"/"-ten") is past tense: the Thursday before the DCT (a Monday)
    (
        "2024-11-11",
        "Die Beziehungen seit der Invasion im Jahr 2022. Der ukrainische Präsident äußerte am Donnerstag in "
        "Budapest, dass die Weltführer nicht zuhören.",
        "Donnerstag",
        "DATE",
        "2024-11-07",
        None,
    ),
    ("2024-11-11", "Die Minister kritisierten am Freitag die Pläne.", "Freitag", "DATE", "2024-11-08", None),
    ("2024-11-11", "Experten erwarten am Donnerstag eine Entscheidung.", "Donnerstag", "DATE", "2024-11-14", None),
    ("2024-11-11", "Die zweite Runde beginnt am Freitag.", "Freitag", "DATE", "2024-11-15", None),
    # news that mentions several past years in background passages: a later bare month returns to the DCT
    # (by tense) once a sentence in another tense has come between; the timeline runs on only in the same or the
    # next sentence, or through past-tense sentences that go on telling that story
    (
        "2024-12-03",
        "Am Montag kündigte das Ministerium ein Paket an. Letzten Monat erlaubte Biden den Einsatz der Raketen. "
        "Im Jahr 2021 nannte er Putin einen Mörder. Sie wollen die Grenzen von 2014, am besten die von 1991. "
        "Er zog sich 2019 aus dem Vertrag zurück. Putin ist für Gespräche offen. Der Gipfel im Oktober, der in "
        "Sotschi stattfand, unterstrich die Versuche.",
        "Oktober",
        "DATE",
        "2024-10",
        None,
    ),
    (
        "2024-06-10",
        "Am Sonntag wählte die Partei einen Vorstand, gestern trat er zusammen. Sie wurde 2009 gegründet, 2013 "
        "und 2017 zog sie ins Parlament ein. Heute ist sie zerstritten. Im März trat der Vorsitzende zurück.",
        "März",
        "DATE",
        "2024-03",
        None,
    ),
    (
        "2024-06-10",
        "Am Sonntag wählte die Partei einen Vorstand, gestern trat er zusammen. Sie wurde 2009 gegründet, 2013 "
        "und 2017 zog sie ins Parlament ein. Die Mitglieder sind zerstritten. Im September wird gewählt.",
        "September",
        "DATE",
        "2024-09",
        None,
    ),
    (
        "2024-12-03",
        "Die Grenzen von 2014 und 1991 sind umstritten. Im Juni 2019 begann der Prozess, im Oktober fiel das Urteil.",
        "Oktober",
        "DATE",
        "2019-10",
        None,
    ),
    (
        "2015-08-20",
        "Der Damm war 1965 gebaut und 1998 verstärkt worden. Am 29. August 2005 brach er. Nachbarn kamen mit "
        "Booten. Der Körper musste auf dem Dach bleiben. Am 29. Dezember holte er die Leiche herunter.",
        "29. Dezember",
        "DATE",
        "2005-12-29",
        None,
    ),
    # history keeps its timeline: the next sentence, or any distance in a chronicle of far years
    (
        "2011-02-16",
        "Im Juni 1941 griff Deutschland an. Im Oktober erreichte die Wehrmacht Moskau.",
        "Oktober",
        "DATE",
        "1941-10",
        None,
    ),
    (
        "2011-02-16",
        "1939 begann der Krieg. 1940 fiel Frankreich. Im Juni 1941 griff Deutschland die Sowjetunion an. Die "
        "Gründe sind bis heute umstritten. Im Oktober erreichte die Wehrmacht Moskau.",
        "Oktober",
        "DATE",
        "1941-10",
        None,
    ),
    # a day and month without year in news: past tense the last one before the DCT, future the next one, present
    # or unclear the nearest; an attributive participle ("des gewählten Präsidenten") is no past tense
    (
        "2024-12-03",
        "Einige Soldaten teilten der BBC mit, dass sie auf die Rückkehr des gewählten Präsidenten Donald Trump "
        "ins Weiße Haus am 20. Januar warten.",
        "20. Januar",
        "DATE",
        "2025-01-20",
        None,
    ),
    (
        "2024-12-03",
        "Die Abgeordneten des neu gewählten Parlaments treten am 10. Januar zusammen.",
        "10. Januar",
        "DATE",
        "2025-01-10",
        None,
    ),
    ("2024-12-03", "Die Vereidigung ist am 20. Januar.", "20. Januar", "DATE", "2025-01-20", None),
    ("2024-12-03", "Der Gipfel fand am 20. Januar statt.", "20. Januar", "DATE", "2024-01-20", None),
    ("2024-12-03", "Die Wahl wird am 15. Oktober stattfinden.", "15. Oktober", "DATE", "2025-10-15", None),
    # perfect tense with a separable prefix is past; a participle beside "wird" is passive, not past
    (
        "2024-11-15",
        "Der Kanzler hat sich am Montag für neue Gespräche ausgesprochen.",
        "Montag",
        "DATE",
        "2024-11-11",
        None,
    ),
    ("2024-11-11", "Der Film wird am Freitag ausgestrahlt.", "Freitag", "DATE", "2024-11-15", None),
    (
        "2014-10-08",
        "Gruppen sollen gebildet werden: Dies ist ein Ergebnis des Treffens, das am Montag im Kommissariat "
        "stattgefunden hat.",
        "Montag",
        "DATE",
        "2014-10-06",
        None,
    ),
    # "am selben Tag": "selben" needs its article, which the contraction holds
    (
        "2011-02-16",
        "Am 8. Mai 1945 kapitulierte die Wehrmacht. Am selben Tag fiel die Stadt.",
        "Am selben Tag",
        "DATE",
        "1945-05-08",
        None,
    ),
    ("2011-02-16", "Im Juni 1941 griff er an. Im gleichen Monat fiel Minsk.", "Im gleichen Monat", "DATE", "1941-06", None),
    # a participle attribute carries its own tense, whatever the main clause says
    (
        "2024-11-13",
        "Nach einem am Montag veröffentlichten Bericht werden die Preise steigen.",
        "Montag",
        "DATE",
        "2024-11-11",
        None,
    ),
    (
        "2024-11-13",
        "Sie protestierten gegen die am Freitag beginnende Konferenz.",
        "Freitag",
        "DATE",
        "2024-11-15",
        None,
    ),
]


@pytest.mark.parametrize(("dct", "text", "phrase", "type_", "value", "mod"), CASES)
def test_temporal_phrase_value(dct, text, phrase, type_, value, mod):
    t = only(text, dct, phrase)
    assert (t.type, t.value, t.mod) == (type_, value, mod)


# (text, dct, expression as written, inclusive interval, precision)
INTERVALS = [
    (
        "Am gestrigen Sonntag griffen sie an.",
        "2025-04-28",
        "gestrigen Sonntag",
        ("2025-04-27", "2025-04-27"),
        "day",
    ),
    (
        "Im Juni vergangenen Jahres war es ruhig.",
        "2025-04-28",
        "Juni vergangenen Jahres",
        ("2024-06-01", "2024-06-30"),
        "month",
    ),
    ("Im Sommer hatten sie angegriffen.", "2024-11-11", "Sommer", ("2024-06-01", "2024-08-31"), "season"),
    ("Seit Anfang 2022 tobt der Krieg.", "2024-12-03", "Anfang 2022", ("2022-01-01", "2022-04-30"), "year"),
    ("Die Firma ging Ende 2002 pleite.", "2024-11-11", "Ende 2002", ("2002-09-01", "2002-12-31"), "year"),
    (
        "Die Lieferung kommt Ende Dezember.",
        "2024-11-11",
        "Ende Dezember",
        ("2024-12-21", "2024-12-31"),
        "month",
    ),
    ("Diese Woche beraten sie.", "2024-11-13", "Diese Woche", ("2024-11-11", "2024-11-17"), "week"),
    (
        "In den 1990er Jahren war das anders.",
        "2024-11-11",
        "den 1990er Jahren",
        ("1990-01-01", "1999-12-31"),
        "multi_year",
    ),
]


@pytest.mark.parametrize(("text", "dct", "phrase", "interval", "precision"), INTERVALS)
def test_temporal_date_interval(text, dct, phrase, interval, precision):
    t = only(text, dct, phrase)
    assert (t.date_start.isoformat(), t.date_end.isoformat(), t.precision) == (*interval, precision)


@pytest.mark.parametrize(
    ("value", "mod", "expected"),
    [
        ("2024-11-10", None, (date(2024, 11, 10), date(2024, 11, 10), "day")),
        ("2024-W45", None, (date(2024, 11, 4), date(2024, 11, 10), "week")),
        ("2024-W45-WE", None, (date(2024, 11, 9), date(2024, 11, 10), "week")),
        ("2024-02", None, (date(2024, 2, 1), date(2024, 2, 29), "month")),
        ("2024-WI", None, (date(2024, 12, 1), date(2025, 2, 28), "season")),
        ("2024-Q1", None, (date(2024, 1, 1), date(2024, 3, 31), "quarter")),
        ("2024", "MID", (date(2024, 5, 1), date(2024, 8, 31), "year")),
        ("199", None, (date(1990, 1, 1), date(1999, 12, 31), "multi_year")),
        ("19", None, (date(1900, 1, 1), date(1999, 12, 31), "multi_year")),
        ("2024-11-10T20:00", None, (date(2024, 11, 10), date(2024, 11, 10), "day")),
        ("PRESENT_REF", None, (None, None, "unknown")),
        ("P3M", None, (None, None, "unknown")),
        ("2024-13", None, (None, None, "unknown")),
    ],
)
def test_temporal_interval_of(value, mod, expected):
    assert interval_of(value, mod) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Die Regierung beschloss 1,2 Millionen Euro Hilfe.",
        "Russland schickte 50.000 Soldaten an die Grenze.",
        "Die meisten, die mit ihm sprachen, waren skeptisch.",
        "Am Ende stand eine Einigung.",
        "Die Armee verlor 1500 Panzer.",
        "Er zahlte 2000 Euro.",
        "Der Preis stieg um 12,5 Prozent.",
        "Die 44-Jährige bestätigte das.",
        "Die Diebe sind 31 und 22 Jahre alt.",
        "Davon kamen 2000 im Jahr.",
        "Die Einladung richtet sich nun an alle.",
        "Der Weihnachtsmarkt der Pfarre Maria Himmelfahrt öffnet.",
        # vague words annotators leave alone; they carry no date
        "Bisher gibt es keine Bestätigung.",
        "Künftig soll das anders werden.",
        "Die Polemiken müssen der Vergangenheit angehören.",
        "In der Folge sank die Produktion.",
        "Als langjähriger Präsident kennt er die Texas Rangers.",
    ],
)
def test_temporal_no_false_positives(text):
    assert tag(text, date(2024, 11, 11)) == []


def test_temporal_without_dct_keeps_relative_unresolved():
    found = {t.text: t for t in tag("Am Sonntag griffen sie an. Heute ist es ruhig.", None)}
    assert found["Sonntag"].value == "XXXX-WXX-7" and found["Sonntag"].date_start is None
    assert found["Heute"].value == "PRESENT_REF"


def test_temporal_dct_precision_month_cuts_day_values():
    (t,) = tag("Gestern fiel die Stadt.", date(2024, 11, 1), "month")
    assert t.value == "2024-10" and t.precision == "month"


def test_temporal_offsets_point_into_text():
    text = "Am 8. November 2024 fiel die Entscheidung."
    (t,) = tag(text, date(2024, 11, 11))
    assert (t.start, t.end, text[t.start : t.end]) == (3, 19, "8. November 2024")


def test_temporal_bad_dct_precision_raises():
    with pytest.raises(ValueError, match="dct_precision"):
        tag("heute", date(2024, 11, 11), "minute")
