"""Per-language word lists for finding quotes (plain data, keyed by ISO 639-1 code).

``verbs`` are lemmas of verbs of saying as the spaCy lemmatiser gives them; ``stems`` match the
surface forms of the same verbs where no lemma is available (Russian, languages without a model,
or a lemmatiser slip), as lower-case prefixes of a word.  ``according`` phrases introduce a
source ("according to X", "selon X").  ``roles`` are nouns that make a phrase a role ("Kremlin
spokesman", "ministre des Affaires étrangères"); ``media`` nouns name an outlet anaphorically
("the daily", "le quotidien").  ``first_person`` words mark a paragraph as somebody's speech, which
is how a block quote without quote marks is told from the narrative that follows it.  The fields
after ``inflected_roles`` widen attribution beyond speech (beliefs, stances, speech acts with an
object); where no parse is available (Russian) the belief and stance verbs sit among the stems.
Languages without an entry use the English lists for the language-independent parts (quote
marks, brackets, colons) and find nothing verb-based.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


@dataclass(frozen=True)
class Lexicon:
    verbs: frozenset[str]
    stems: tuple[str, ...]
    according: tuple[str, ...]
    complementizers: frozenset[str]
    pronouns: frozenset[str]  # subject pronouns that can stand for a speaker
    first_person: frozenset[str]
    roles: frozenset[str]
    media: frozenset[str]
    determiners: frozenset[str]
    adverbs: frozenset[str]  # may sit between a speaker and the verb ("Lecointre further said")
    auxiliaries: frozenset[str]  # "has said", "a déclaré", "ha dicho"
    title_cues: frozenset[str]  # a quote right after these is a title or a name, not speech
    name_particles: frozenset[str] = field(default_factory=frozenset)  # inside names: "de", "al", "bin"
    inversion: str = ""  # regex of a clitic subject after the verb: "-t-il", "-elle"
    saying: frozenset[str] = field(default_factory=frozenset)  # the plainest verbs of saying
    inflected_roles: bool = False  # role nouns change their ending (Russian cases): match by prefix
    # Attributions that are not speech: verbs of belief, perception and finding whose content is a
    # clause ("thinks that", "polls show that"), and verbs of stance and speech acts whose object,
    # infinitive or prepositional complement is the content ("called him a liar", "urged voters to",
    # "criticized the plan", "called for a boycott").  Both need a subject and a complement.
    thoughts: frozenset[str] = field(default_factory=frozenset)
    acts: frozenset[str] = field(default_factory=frozenset)
    # Adjectives of attitude after a copula ("is skeptical of", "were worried that", "est convaincu que").
    attitudes: frozenset[str] = field(default_factory=frozenset)
    # Verbs an infinitive can hang on without reporting anything themselves: the infinitive is then
    # the cue ("went on to say", "seemed to acknowledge", "a continué à dénoncer", "volvió a decir").
    catenatives: frozenset[str] = field(default_factory=frozenset)
    # Prepositions that can open a stance verb's content ("called for", "pointed to", "railed against");
    # others open circumstances ("wrote in his book", "spoke at a rally").
    topic_prepositions: frozenset[str] = field(default_factory=frozenset)
    # Verbs that report only with a topic ("spoke about", "a parlé de"; not "spoke at a rally"), and
    # verbs that report only as a construal ("sees X as Y", "voit en X").
    topic_verbs: frozenset[str] = field(default_factory=frozenset)
    topics: frozenset[str] = field(default_factory=frozenset)
    construals: frozenset[str] = field(default_factory=frozenset)
    intentions: frozenset[str] = field(default_factory=frozenset)  # report only with an infinitive: "sought to"
    construal_markers: frozenset[str] = field(default_factory=frozenset)
    # Nouns of statement and stance whose clause, infinitive or topic is a content when somebody
    # holds them: "Trump's claim that …", "her call for …", "made the case that …", "sa promesse de …".
    statements: frozenset[str] = field(default_factory=frozenset)
    # Verbs that hand their subject to such a noun, or adjective: "X made the case", "X issued a
    # statement", "X made it clear that".
    light_verbs: frozenset[str] = field(default_factory=frozenset)
    light_adjectives: frozenset[str] = field(default_factory=frozenset)
    # "in a new CNN poll, …": a preposition introducing a document (``documents``) that is the source.
    within: tuple[str, ...] = ()
    documents: frozenset[str] = field(default_factory=frozenset)

    def is_role(self, word: str) -> bool:
        """A role or media noun ("minister", "ministres", "министра")."""
        if word in self.roles or word in self.media or word.rstrip("s") in self.roles:
            return True
        return self.inflected_roles and len(word) > 4 and any(
            word.startswith(stem[:-1] if len(stem) > 5 else stem) for stem in self.roles | self.media
        )
    dialogue: bool = False  # lines opening with a dash are dialogue ("— Мы не отступим, — заявил Песков")
    stem_suffix: str = r"\w*"  # what may follow a stem: any ending, or nothing when stems are whole forms

    @property
    def stem_pattern(self) -> re.Pattern[str] | None:
        return _stem_pattern(self.stems, self.stem_suffix)


@lru_cache(maxsize=None)
def _stem_pattern(stems: tuple[str, ...], suffix: str) -> re.Pattern[str] | None:
    if not stems:
        return None
    return re.compile("(?:" + "|".join(sorted(map(re.escape, stems), key=len, reverse=True)) + ")" + suffix + "$")


EN = Lexicon(
    verbs=_words("""
        say tell add state declare announce claim write note explain argue insist warn stress emphasize
        emphasise tweet post report reply respond answer ask acknowledge admit confirm deny suggest contend
        maintain assert allege comment remark observe recall predict promise pledge vow urge inform reiterate
        concede complain testify conclude continue caution reveal disclose indicate mention propose recommend
        boast joke quip shout exclaim proclaim lament retort counter charge hint tout announce affirm
        underline underscore appeal plead repeat brief relate recount surmise demur interject yell scream
        chant muse opine posit aver concur gush snap rant wonder read"""),
    # English forms are listed whole: prefixes as short as "not" or "den" would match other words.
    stems=tuple("""
        say says said saying tell tells told telling add adds added adding state states stated stating
        declare declares declared announce announces announced claim claims claimed write writes wrote
        written note notes noted noting explain explains explained argue argues argued insist insists
        insisted warn warns warned stress stressed tweet tweeted report reports reported reply replies
        replied respond responded answer answered ask asks asked acknowledge acknowledged admit admits
        admitted confirm confirmed deny denies denied suggest suggested contend contended maintain
        maintained assert asserted allege alleged comment commented remark remarked observe observed
        recall recalled predict predicted promise promised pledge pledged vow vowed urge urged reiterate
        reiterated concede conceded complain complained testify testified conclude concluded caution
        cautioned reveal revealed disclose disclosed indicate indicated mention mentioned affirm affirmed
        continued surmised demurred interjected yelled screamed chanted mused opined posited wondered
        reads""".split()),
    stem_suffix="",
    according=("according to", "as quoted by", "in the words of"),
    complementizers=_words("that"),
    pronouns=_words("he she they we i it"),
    first_person=_words("i me my mine we us our ours you your yours i'm we're we've we'll i've i'll"),
    roles=_words("""
        spokesman spokeswoman spokesperson minister president chief head director secretary general
        colonel commander ambassador envoy official officials senator representative governor mayor leader
        chairman chairwoman chair ceo adviser advisor analyst professor expert correspondent reporter editor
        researcher lawyer attorney judge candidate nominee congressman congresswoman lawmaker legislator
        diplomat emissary negotiator mediator deputy lieutenant captain admiral marshal sergeant
        commissioner coordinator founder executive manager officer inspector prosecutor ombudsman
        chancellor king queen prince emir sheikh president-elect speaker premier monarch rapporteur
        activist witness resident doctor surgeon scientist economist historian author columnist
        commentator strategist aide staff staffer counsel secretary-general director-general
        high commissioner observer monitor campaigner organiser organizer pastor imam priest
        bishop cleric rabbi pope mufti"""),
    media=_words("""
        daily newspaper paper outlet agency broadcaster channel network magazine weekly website site
        station tabloid journal publication report statement"""),
    determiners=_words("the a an this that these those his her its their our my your"),
    adverbs=_words("""
        also further later then again recently previously earlier once had has have reportedly
        allegedly publicly privately repeatedly subsequently separately finally simply just only even
        still now yet already often frequently n't not never openly bluntly flatly angrily
        himself herself itself themselves"""),
    auxiliaries=_words("has have had was were is are be been will would did does do could can may might should"),
    title_cues=_words("""
        titled entitled called dubbed named headlined captioned book film movie song album novel
        article essay column op-ed report documentary memoir biography show series poem play slogan hashtag
        motto banner label term word words phrase nickname"""),
    name_particles=_words("de du des la le van von der den al el bin ibn abu da di del dos"),
    saying=_words("say tell claim state write argue add"),
    # "hop" is how the English lemmatiser reads "hoping" and "hoped"
    thoughts=_words("""
        hop think believe know fear worry doubt suspect assume guess wonder agree disagree understand realize
        realise recognize recognise learn discover notice imagine expect hope wish find show indicate
        demonstrate estimate project forecast calculate figure reckon judge sense acknowledge admit concede
        insist suggest predict conclude"""),
    acts=_words("""
        call describe characterize characterise label dub brand portray criticize criticise accuse blame
        fault attack blast slam lambaste chide scold rebuke condemn denounce decry deride mock dismiss
        reject refute dispute deny question praise hail laud applaud commend thank congratulate welcome tout
        defend endorse support prefer urge ask agree demand recommend advocate propose suggest promise pledge vow
        threaten announce cite quote mention discuss talk refer point highlight stress emphasize emphasise
        express voice acknowledge admit concede confirm reveal disclose report explain outline detail list
        predict forecast estimate project expect anticipate hope hop wish want refuse decline plan intend argue
        insist complain lament regret apologize apologise warn remind recall recount liken
        credit show"""),
    attitudes=_words("""
        confident convinced optimistic pessimistic upbeat hopeful skeptical sceptical worried concerned
        afraid fearful nervous wary leery distrustful suspicious doubtful aware supportive opposed hostile
        adamant unapologetic eager keen reluctant bent upset unhappy pleased disappointed frustrated angry
        furious outraged proud ambivalent enthusiastic"""),
    light_adjectives=_words("clear plain"),
    catenatives=_words("seem appear go continue begin start tend proceed"),
    topic_prepositions=_words("about of on for against to over at toward towards into"),
    topic_verbs=_words("speak talk testify rail lash joke boast"),
    topics=_words("about of against"),
    construals=_words("see view regard consider"),
    intentions=_words("seek decide"),
    construal_markers=_words("as"),
    statements=_words("""
        statement claim assertion argument belief view suggestion promise pledge vow warning insistence
        contention prediction hope fear call demand remark comment accusation charge allegation admission
        acknowledgment acknowledgement announcement position opinion proposal criticism assessment
        observation complaint denial conclusion threat concern doubt endorsement opposition praise
        message advice answer response reply testimony case mention insinuation assurance suspicion
        conviction aim issue swipe jab dig stand credit pitch appeal plea joke secret point bid
        reservation misgiving problem word"""),
    light_verbs=_words("""
        make issue release deliver give express voice raise offer renew repeat reiterate lodge file have take
        voice air"""),
    within=("in",),
    documents=_words("poll polls survey surveys study studies report memo filing filings book letter video ad"),
)

FR = Lexicon(
    verbs=_words("""
        dire déclarer affirmer ajouter expliquer estimer souligner indiquer préciser annoncer assurer confier
        raconter rappeler répondre répliquer insister avertir prévenir dénoncer reconnaître admettre nier
        démentir confirmer écrire tweeter poursuivre conclure marteler lancer commenter noter observer
        constater juger considérer signaler soutenir prétendre promettre déplorer regretter demander
        plaider avouer révéler rapporter relater détailler fustiger exclamer
        clamer proclamer répéter réitérer renchérir enchaîner résumer ironiser interroger assener asséner
        argumenter arguer accuser alerter prédire"""),
    # Prefixes that are not also common nouns or other words ("comment", "rapport", "note" are left out).
    stems=("dit", "décla", "affirm", "ajout", "expliqu", "estim", "soulign", "indiqu", "précis", "annonc",
           "assur", "racont", "rappel", "répond", "répliqu", "insist", "avert", "dénonc", "reconnu",
           "reconna", "admis", "admet", "nié", "démenti", "dément", "confirm", "écrit", "écrivai", "tweet",
           "poursuivi", "poursuit", "conclu", "martel", "martè", "commenté", "commente", "noté", "constat",
           "signalé", "soutenu", "soutient", "prétend", "promis", "promet", "déplor", "regrett", "plaid",
           "avou", "révél", "détaill", "fustig", "répét", "réitér", "renchér", "résum", "ironis", "prédi",
           "alert"),
    according=("selon", "d'après", "d’après", "aux dires de", "de l'avis de", "de l’avis de", "pour reprendre les mots de"),
    complementizers=_words("que qu' qu’"),
    pronouns=_words("il elle ils elles on je nous"),
    first_person=_words("je j' j’ me m' m’ moi mon ma mes nous notre nos vous votre vos"),
    roles=_words("""
        porte-parole ministre président présidente chef cheffe directeur directrice secrétaire
        général générale colonel commandant ambassadeur ambassadrice émissaire envoyé envoyée responsable
        responsables dirigeant dirigeante conseiller conseillère député députée sénateur sénatrice maire
        gouverneur analyste expert experte avocat avocate juge candidat candidate diplomate négociateur
        médiateur lieutenant capitaine amiral maréchal sergent commissaire coordinateur coordinatrice
        fondateur fondatrice dirigeants officier inspecteur procureur chancelier roi reine prince émir
        cheikh vice-président chercheur chercheuse professeur professeure journaliste correspondant
        correspondante rédacteur éditorialiste chroniqueur historien historienne économiste militant
        militante témoin habitant habitante médecin docteur porte-voix représentant représentante
        délégué déléguée patron patronne haut-commissaire observateur imam prêtre évêque rabbin pape
        mufti"""),
    media=_words("""
        quotidien journal hebdomadaire agence chaîne média site magazine radio télévision publication
        communiqué rapport"""),
    determiners=_words("le la les l' l’ un une des ce cet cette ces son sa ses leur leurs du"),
    adverbs=_words("""
        aussi également ensuite encore alors déjà par ailleurs enfin toutefois cependant pourtant
        même notamment récemment publiquement ouvertement d'ailleurs d’ailleurs a ont avait avaient
        aurait auraient ne n' n’ pas jamais lui elle-même lui-même"""),
    auxiliaries=_words("a ont avait avaient aura auront aurait auraient est sont était été va vont"),
    title_cues=_words("""
        intitulé intitulée intitulés titre titré titrée appelé appelée appelés surnommé surnommée
        baptisé baptisée nommé nommée livre film chanson album roman article essai chronique rapport
        documentaire émission série poème pièce slogan mot-dièse hashtag devise banderole terme mot
        mots expression surnom"""),
    name_particles=_words("de du des la le d' d’ van von al el ben bin ibn abou abu"),
    inversion=r"-(?:t-)?(il|elle|ils|elles|on)\b",
    dialogue=True,
    thoughts=_words("""
        penser croire savoir craindre douter supposer espérer souhaiter comprendre constater prévoir
        trouver imaginer redouter montrer démontrer"""),
    acts=_words("""
        qualifier décrire critiquer accuser blâmer attaquer dénoncer condamner fustiger railler moquer
        rejeter réfuter contester nier démentir saluer louer féliciter remercier défendre soutenir appuyer
        approuver préférer exhorter appeler demander exiger réclamer recommander proposer suggérer
        promettre jurer menacer annoncer citer mentionner évoquer aborder exprimer reconnaître confirmer
        révéler expliquer détailler vouloir refuser regretter déplorer avertir rappeler prôner plaider"""),
    attitudes=_words("""
        convaincu convaincue sûr sûre certain certaine persuadé persuadée optimiste pessimiste sceptique
        inquiet inquiète préoccupé préoccupée conscient consciente favorable opposé opposée hostile
        réticent réticente déçu déçue furieux furieuse fier fière confiant confiante"""),
    catenatives=_words("sembler paraître continuer commencer"),
    topic_prepositions=_words("de d' d’ sur contre pour à envers"),
    topic_verbs=_words("parler témoigner"),
    topics=_words("de d' d’ sur contre"),
    construals=_words("voir"),
    construal_markers=_words("comme en"),
    intentions=_words("chercher décider"),
    statements=_words("""
        déclaration affirmation argument promesse engagement avertissement appel demande remarque
        commentaire accusation critique annonce position avis"""),
    light_verbs=_words("faire publier émettre lancer adresser exprimer formuler réitérer renouveler"),
    within=("dans",),
    documents=_words("sondage sondages enquête enquêtes étude études rapport"),
)

ES = Lexicon(
    verbs=_words("""
        decir afirmar declarar añadir agregar explicar asegurar señalar indicar subrayar destacar advertir
        anunciar sostener insistir manifestar reconocer admitir negar confirmar escribir responder replicar
        preguntar comentar apuntar precisar aclarar denunciar recordar considerar estimar opinar concluir
        prometer tuitear informar revelar alertar expresar sentenciar enfatizar contar relatar argumentar
        argüir puntualizar remarcar reiterar repetir proclamar exclamar lamentar criticar acusar asegurar
        prever pronosticar"""),
    stems=("dij", "dice", "decía", "dicho", "afirm", "declar", "añad", "agreg", "explic", "asegur", "señal", "indic",
           "subray", "destac", "advirt", "advert", "anunci", "sostuv", "sostien", "insist", "manifest",
           "reconoc", "admit", "negó", "niega", "confirm", "escrib", "respond", "replic", "pregunt", "coment",
           "apunt", "precis", "aclar", "denunci", "recordó", "recuerda", "consideró", "estim", "opin", "conclu",
           "promet", "tuite", "inform", "revel", "alert", "expres", "sentenci", "enfatiz", "relat",
           "argument", "puntualiz", "remarc", "reiter", "repit", "proclam", "exclam", "lament"),
    according=("según", "de acuerdo con", "en palabras de", "a juicio de", "a decir de"),
    complementizers=_words("que"),
    pronouns=_words("él ella ellos ellas yo nosotros nosotras usted"),
    first_person=_words("yo me mi mis mío mía nosotros nosotras nos nuestro nuestra nuestros nuestras usted ustedes"),
    roles=_words("""
        portavoz vocero vocera ministro ministra presidente presidenta jefe jefa director directora
        secretario secretaria general coronel comandante embajador embajadora enviado enviada responsable
        dirigente asesor asesora diputado diputada senador senadora alcalde alcaldesa gobernador
        gobernadora analista experto experta abogado abogada juez jueza candidato candidata diplomático
        diplomática negociador mediador teniente capitán almirante mariscal sargento comisario
        coordinador coordinadora fundador fundadora oficial inspector fiscal canciller rey reina príncipe
        emir jeque vicepresidente vicepresidenta investigador investigadora profesor profesora periodista
        corresponsal editor historiador economista activista testigo vecino vecina médico doctor
        representante delegado delegada líder lideresa observador imán sacerdote obispo rabino papa"""),
    media=_words("""
        diario periódico agencia cadena medio sitio revista semanario emisora canal publicación
        comunicado informe"""),
    determiners=_words("el la los las un una unos unas este esta estos estas ese esa su sus del al"),
    adverbs=_words("""
        también además luego entonces ya después finalmente incluso todavía aún recientemente
        públicamente ha han había habían habría no nunca"""),
    auxiliaries=_words("ha han había habían habrá habría haya es son fue fueron será va van"),
    title_cues=_words("""
        titulado titulada titulados llamado llamada llamados denominado denominada apodado apodada
        libro película canción álbum novela artículo ensayo columna informe documental programa serie
        poema obra lema etiqueta término palabra palabras expresión apodo"""),
    name_particles=_words("de del la las los y van von al el bin ibn abu"),
    dialogue=True,
    thoughts=_words("""
        pensar creer saber temer dudar suponer esperar desear entender comprender prever juzgar mostrar
        demostrar"""),
    acts=_words("""
        calificar describir criticar acusar culpar atacar denunciar condenar rechazar refutar negar desmentir
        elogiar alabar felicitar agradecer defender respaldar apoyar preferir instar pedir exigir reclamar
        recomendar proponer sugerir prometer jurar amenazar anunciar citar mencionar discutir abordar
        expresar confirmar revelar explicar detallar querer lamentar advertir recordar reconocer admitir"""),
    attitudes=_words("""
        convencido convencida seguro segura optimista pesimista escéptico escéptica preocupado preocupada
        consciente partidario partidaria contrario contraria favorable decepcionado decepcionada orgulloso
        orgullosa confiado confiada"""),
    catenatives=_words("parecer seguir continuar comenzar empezar volver"),
    topic_prepositions=_words("de sobre contra por para a"),
    topic_verbs=_words("hablar"),
    topics=_words("de sobre contra"),
    construals=_words("ver"),
    construal_markers=_words("como"),
    intentions=_words("buscar decidir"),
    statements=_words("""
        declaración afirmación argumento promesa compromiso advertencia llamamiento llamado exigencia
        comentario acusación crítica anuncio postura opinión"""),
    light_verbs=_words("hacer emitir formular expresar lanzar reiterar renovar dejar publicar difundir"),
    light_adjectives=_words("claro"),
    within=("en",),
    documents=_words("encuesta encuestas sondeo sondeos estudio estudios informe"),
)

RU = Lexicon(
    verbs=frozenset(),
    stems=("заяв", "сказа", "говор", "отмет", "подчеркн", "подчёркн", "добав", "сообщ", "поясн", "утвержда",
           "уточн", "призна", "указа", "указыва", "написа", "пише", "ответи", "отвеча", "рассказа",
           "рассказыва", "предупред", "предупрежда", "объясн", "констатир", "завери", "заверя", "обеща",
           "пообеща", "потребова", "призва", "призыва", "напомн", "заключи", "резюмирова", "процитирова",
           "цитирова", "опроверг", "отрица", "подтверд", "подтвержда", "возрази", "настаива", "выразил",
           "высказа", "оцени", "прокомментирова", "твитну", "уверя", "убежда", "считае", "считает",
           # belief and stance ("считает, что", "уверен, что", "обвинил … в том, что")
           "счита", "полага", "надеет", "надеют", "опасает", "опасают", "думает", "думают", "уверен", "убежден",
           "убеждён", "обвини", "обвиня", "раскритикова", "критикова", "осуди", "осужда", "пригрози",
           "предложи", "предлага"),
    according=("по словам", "по мнению", "по данным", "по информации", "как сообщил", "как сообщила",
               "как сообщили", "как заявил", "как заявила", "как заявили", "как отметил", "как отметила",
               "как сказал", "как сказала", "согласно"),
    complementizers=_words("что чтобы"),
    pronouns=_words("он она они мы я"),
    first_person=_words("я меня мне мной мой моя моё мои мы нас нам нами наш наша наше наши вы вас вам ваш ваша ваши"),
    roles=_words("""
        пресс-секретарь министр президент премьер-министр премьер глава руководитель директор секретарь
        генерал полковник командующий командир посол представитель советник депутат сенатор мэр
        губернатор эксперт аналитик политолог адвокат судья кандидат дипломат переговорщик спикер
        председатель замминистра заместитель лидер официальный вице-премьер вице-президент
        профессор журналист корреспондент историк экономист активист свидетель житель врач
        спецпосланник посланник прокурор канцлер король королева принц эмир шейх патриарх муфтий"""),
    media=_words("газета издание агентство телеканал канал сайт журнал радиостанция ведомство"),
    determiners=frozenset(),
    adverbs=_words("также тоже ранее позже затем ещё уже вновь снова не никогда лишь только"),
    auxiliaries=_words("был была было были будет"),
    title_cues=_words("""
        названием название называемый называемая назвал назвала книга фильм песня альбом роман
        статья эссе колонка доклад документальный программа сериал стихотворение лозунг хэштег
        термин слово слова выражение прозвище"""),
    name_particles=_words("аль ибн бен де фон ван"),
    dialogue=True,
    inflected_roles=True,
)

LEXICONS: dict[str, Lexicon] = {"en": EN, "fr": FR, "es": ES, "ru": RU}
# Without a list of its own, a language gets an empty one: quote marks, colons and block quotes are
# still found, verb-based attribution is not (a wrong English verb list would only add noise).
NEUTRAL = Lexicon(
    verbs=frozenset(), stems=(), according=(), complementizers=frozenset(), pronouns=frozenset(),
    first_person=frozenset(), roles=frozenset(), media=frozenset(), determiners=frozenset(),
    adverbs=frozenset(), auxiliaries=frozenset(), title_cues=frozenset(),
)


def lexicon(language: str | None) -> Lexicon:
    return LEXICONS.get(language or "", NEUTRAL)


# Opening and closing marks by family; a closing mark only closes an opener of its own family.
DOUBLE = "double"
SINGLE = "single"
GUILLEMET = "guillemet"
SINGLE_GUILLEMET = "single_guillemet"
CORNER = "corner"
WHITE_CORNER = "white_corner"
QUOTE_MARKS: dict[str, str] = {
    "“": DOUBLE, "”": DOUBLE, '"': DOUBLE, "„": DOUBLE, "‟": DOUBLE, "〝": DOUBLE, "〞": DOUBLE, "＂": DOUBLE,
    "‘": SINGLE, "’": SINGLE, "'": SINGLE, "‛": SINGLE,
    "«": GUILLEMET, "»": GUILLEMET,
    "‹": SINGLE_GUILLEMET, "›": SINGLE_GUILLEMET,
    "「": CORNER, "」": CORNER,
    "『": WHITE_CORNER, "』": WHITE_CORNER,
}
# Paragraph-initial dashes that open a line of dialogue in French, Spanish, Russian … typography.
DIALOGUE_DASHES = "—–―"
