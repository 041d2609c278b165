/**
 * Multilingual injection / jailbreak rules, matched against the normalised
 * text (lower case, Latin diacritics stripped, whitespace collapsed,
 * obfuscations undone; see `normalizeForScan`).
 *
 * Every pattern is linear-time: no nested unbounded quantifiers; gaps between
 * cue words are bounded (`.{0,40}?`), so the work per start position is a
 * constant. A test runs every rule on 1 MB adversarial inputs.
 *
 * Languages: en, es, fr, de, it, pt, nl, tr (Latin rules), ru, zh, ja, ko,
 * ar, hi (per-script rules).
 */
import { SCRIPT } from '../normalize/normalize.js';
import { splitTopLevel } from '../regex-source.js';

/** Attack category reported in `Finding.type`. */
export type InjectionType =
  | 'instruction_override'
  | 'jailbreak_roleplay'
  | 'prompt_leak'
  | 'hidden_channel'
  | 'encoded_payload'
  | 'indirect_instruction'
  | 'role_marker'
  | 'exfiltration';

/** One rule. `score` is the rule's prior probability that a match is an attack. */
export interface InjectionRule {
  id: string;
  type: InjectionType;
  score: number;
  /** Script(s) that must be present for the rule to run (bit flags of `SCRIPT`). */
  script: number;
  re: RegExp;
  /** Short reason used in the finding message. */
  why: string;
  /** Score used instead of `score` for document / tool text, when different. */
  documentScore?: number;
  /**
   * Cheap pre-filter for rules the word gate cannot parse: every match
   * contains at least one hint. A hint made of letters must occur at the start
   * of a word (it is found by the gate's word pass); other hints are plain
   * substrings (`indexOf`). A test checks this on sample texts.
   */
  hints?: readonly string[];
}

const L = SCRIPT.latin;

// --- shared vocabularies (normalised: lower case, no Latin diacritics) ---
const IGNORE_EN = String.raw`(?:ignore|ignoring|disregard|disregarding|forget|forgetting|override|overriding|bypass|neglect|abandon|dismiss|set aside|throw away|pay no attention to|do not follow|don'?t follow|stop following|skip)`;
const PRIOR_EN = String.raw`(?:previous|previously|prior|above|earlier|preceding|former|initial|original|old|all|any|your|these|those|the)`;
const INSTR_EN = String.raw`(?:instructions?|prompts?|directions?|directives?|rules|guidelines|commands|constraints|restrictions|programming|guidance|system messages?|orders|policies|safeguards|safety (?:rules|guidelines|filters))`;

const IGNORE_ROMANCE = String.raw`(?:ignora|ignore[sz]?|ignorar|ignorare|ignorer|ignoreer|negeer|olvida|olvide|olvidate|olvidar|omite|descarta|no hagas caso a|oublie[sz]?|oublier|ne tiens pas compte d|ne tenez pas compte d|dimentica|dimenticare|dimentichi|trascura|esqueca|esquece|esquecer|desconsidere|desconsidera|vergeet|ignorier(?:e|en|t)?|vergiss|vergessen sie|missachte|missachten sie|uberspringe)`;
const INSTR_ROMANCE = String.raw`(?:instrucciones|instruccion|indicaciones|ordenes|reglas|directrices|instructions|consignes|regles|directives|indications|istruzioni|indicazioni|regole|direttive|instrucoes|instrucao|regras|diretrizes|orientacoes|instructies|aanwijzingen|regels|opdrachten|anweisungen|anweisung|instruktionen|befehle|vorgaben|auftrage|richtlinien)`;

/** The rule set. */
export const INJECTION_RULES: readonly InjectionRule[] = [
  // ---------- instruction override ----------
  {
    id: 'injection.ignore-previous',
    type: 'instruction_override',
    score: 0.85,
    script: L,
    why: 'asks the model to ignore or override its previous instructions',
    re: new RegExp(String.raw`\b${IGNORE_EN}\b.{0,40}?\b${PRIOR_EN}\b.{0,30}?\b${INSTR_EN}\b`, 'g'),
  },
  {
    id: 'injection.forget-everything',
    type: 'instruction_override',
    score: 0.7,
    script: L,
    why: 'asks the model to forget what it was told',
    re: /\b(?:forget|ignore|disregard) (?:about )?(?:everything|all(?: of)? (?:that|this|the above)|what (?:you were|i|we) (?:told|said|discussed))(?: (?:above|before|so far|until now|previously|that came before|i (?:said|told you)|we discussed|you were told))\b|\b(?:forget|ignore|disregard) (?:all(?: of)? the above|what (?:you were|i|we) (?:told|said|discussed) (?:before|earlier|previously))\b|\b(?:forget|ignore|disregard) (?:the |everything |anything )?(?:above|preceding|previous|prior)(?: (?:text|prompt|message|context|input|content|conversation|one))?(?= and\b| then\b|[,.:;!]|$)|\bvergiss (?:alles|was)\b|\bvergessen sie alles\b|\boublie(?:z)? tout\b|\bolvida(?:te de)? todo\b|\bdimentica tutto\b|\besque[cç]a tudo\b|\bvergeet alles\b/g,
  },
  {
    id: 'injection.ignore-previous-multilingual',
    type: 'instruction_override',
    score: 0.85,
    script: L,
    why: 'asks the model to ignore its instructions (es/fr/it/pt/nl/de)',
    re: new RegExp(String.raw`\b${IGNORE_ROMANCE}\b.{0,50}?\b${INSTR_ROMANCE}\b`, 'g'),
  },
  {
    id: 'injection.ignore-previous-tr',
    type: 'instruction_override',
    score: 0.85,
    script: L,
    why: 'asks the model to ignore its instructions (tr)',
    re: /\b(?:onceki|yukaridaki|tum|butun|verilen|sana verilen)\b.{0,30}?\b(?:talimat|komut|kural|yonerge|yonlendirme)\w{0,8}\b.{0,20}?\b(?:yok say|gormezden gel|unut|dikkate alma|ihmal et|yoksay)/g,
  },
  {
    id: 'injection.new-instructions',
    type: 'instruction_override',
    score: 0.45,
    script: L,
    why: 'announces new instructions that replace the old ones',
    re: /\b(?:new|updated|real|actual|true|revised|secret|hidden|override|admin|priority) (?:instructions?|task|directive|rules|orders|objective)\s?:|\b(?:your|the) (?:new|real|actual|true) (?:instructions?|task|goal|objective|purpose) (?:is|are)\b|\binstead,? (?:you (?:must|should|will) )?(?:say|output|print|respond with|reply with|write|tell the user)\b/g,
  },
  {
    id: 'injection.override-authority',
    type: 'instruction_override',
    score: 0.55,
    script: L,
    why: 'claims authority to change the model\'s rules',
    re: /\b(?:i am|i'm|this is) (?:your|the) (?:developer|creator|administrator|admin|owner|system administrator|programmer)\b|\b(?:admin|sudo|root|maintenance|debug|god|unrestricted|jailbreak) (?:mode|access|override)\b.{0,20}?\b(?:enabled|activated|on|granted)\b|\bsystem override\b|\boverride code\b/g,
  },
  // ---------- jailbreak / role play ----------
  {
    id: 'injection.you-are-now',
    type: 'jailbreak_roleplay',
    score: 0.35,
    script: L,
    why: 'tries to give the model a new identity',
    re: /\byou are (?:now|no longer|free(?:d)? from|going to (?:act|pretend|be|play)|about to immerse)\b|\bfrom now on,? (?:you|your)\b|\b(?:ahora eres|a partir de ahora,? (?:eres|seras|tu)|tu es (?:maintenant|desormais)|vous etes (?:maintenant|desormais)|a partir de maintenant,? (?:tu|vous)|du bist (?:jetzt|nun|ab jetzt|ab sofort)|ab (?:jetzt|sofort) bist du|ora sei|adesso sei|d'ora in poi,? (?:sei|tu)|agora voce e|voce agora e|a partir de agora,? (?:voce|tu)|je bent nu|jij bent nu|vanaf nu ben je|artik sen|sen artik|bundan sonra sen)\b/g,
  },
  {
    id: 'injection.unrestricted-persona',
    type: 'jailbreak_roleplay',
    score: 0.8,
    script: L,
    why: 'asks for an unrestricted / unfiltered persona',
    hints: ['without', 'unfiltered', 'unrestricted', 'uncensored', 'amoral', 'jailbroken', 'unethical'],
    re: /\b(?:act|acting|behave|respond|answer|reply|pretend|roleplay|role-play|simulate|emulate|become)\b.{0,30}?\b(?:without (?:any )?(?:restrictions|limits|limitations|filters|ethics|morals|ethical guidelines|censorship))\b|\b(?:an? )?(?:unfiltered|unrestricted|uncensored|amoral|jailbroken|unethical) (?:and \w{3,12} )?(?:ai|chatbot|assistant|language model|bot|persona)\b|\bunrestricted (?:ai )?mode\b/g,
  },
  {
    id: 'injection.dan',
    type: 'jailbreak_roleplay',
    score: 0.9,
    script: L,
    why: 'known jailbreak persona (DAN / do anything now)',
    re: /\bdo anything now\b|\bdan mode\b|\b(?:you are|you're|act as|pretend to be) (?:a )?dan\b|\b(?:stan|dude|aim|betterdan|antigpt|anti-gpt|evilbot|devil ?gpt) (?:mode|prompt|persona)\b|\bjailbreak(?:ed)? mode\b|\bjailbroken\b/g,
  },
  {
    id: 'injection.developer-mode',
    type: 'jailbreak_roleplay',
    score: 0.75,
    script: L,
    why: 'asks the model to enter a "developer mode" without rules',
    re: /\b(?:developer|dev|god|debug) mode\b.{0,30}?\b(?:enabled|activated|on|output|response|turned on)\b|\b(?:enable|activate|enter|switch to|turn on) (?:the )?(?:developer|dev|god) mode\b|\b(?:modo (?:desarrollador|de desarrollador|desenvolvedor|sviluppatore)|mode developpeur|entwicklermodus|modalita sviluppatore|ontwikkelaarsmodus|gelistirici modu)\b/g,
  },
  {
    id: 'injection.no-ethics',
    type: 'jailbreak_roleplay',
    score: 0.6,
    script: L,
    why: 'strips ethical / safety constraints from the model',
    re: /\b(?:no|without any|free of|not bound by|ignores?|disregards?|doesn'?t have|does not have|don'?t have any) (?:ethical|moral|safety|content) (?:guidelines|constraints|restrictions|boundaries|principles|filters|policies|rules|limits)\b|\bnot bound by (?:any )?(?:rules|restrictions|openai|policies|guidelines)\b|\b(?:will|must|should) never refuse\b|\bcan(?:not|'t) refuse\b|\bhas no (?:filters|restrictions|limits)\b/g,
  },
  {
    id: 'injection.refusal-suppression',
    type: 'jailbreak_roleplay',
    score: 0.4,
    script: L,
    why: 'forbids refusals or disclaimers',
    re: /\b(?:do not|don'?t|never|must not|you cannot|you can'?t) (?:refuse|decline|apologi[sz]e|say (?:that )?(?:you|i) (?:can'?t|cannot)|include (?:any )?(?:warnings?|disclaimers?))\b|\b(?:begin|start) (?:your (?:response|reply|answer) )?(?:with|by saying) ["'\u201c]?(?:sure|absolutely|of course|certainly),? here\b/g,
  },
  {
    id: 'injection.fiction-frame',
    type: 'jailbreak_roleplay',
    score: 0.3,
    script: L,
    why: 'fictional / hypothetical frame that removes rules',
    re: /\b(?:hypothetical|fictional|imaginary|alternate|parallel) (?:scenario|world|universe|story|setting|reality)\b.{0,80}?\b(?:no (?:rules|laws|restrictions|limits|ethics)|anything goes|without (?:rules|restrictions|consequences)|(?:is|are) (?:legal|allowed))\b|\bstay in character\b.{0,60}?\b(?:no matter|always|even if|at all times)\b/g,
  },
  // ---------- prompt leak ----------
  {
    id: 'injection.reveal-system-prompt',
    type: 'prompt_leak',
    score: 0.8,
    script: L,
    why: 'asks the model to reveal its system prompt or hidden instructions',
    re: /\b(?:reveal|show|print|display|output|repeat|tell|give|share|disclose|leak|dump|write out|spell out|recite|list|what (?:is|are|was|were))\b.{0,30}?\b(?:your|the|my) (?:(?:full|entire|original|initial|hidden|secret|exact|complete|first) )?(?:system (?:prompt|message|instructions?)|initial (?:prompt|instructions)|hidden (?:prompt|instructions|rules)|(?:original|secret) instructions|instructions (?:above|you were given)|prompt above|pre-?prompt)\b/g,
  },
  {
    id: 'injection.repeat-above',
    type: 'prompt_leak',
    score: 0.6,
    script: L,
    why: 'asks the model to repeat the text before the conversation',
    re: /\b(?:repeat|print|output|copy|echo) (?:back )?(?:the |all (?:of )?the |everything |all )?(?:text|words|content|lines|instructions)? ?(?:above|before this|verbatim from the (?:start|beginning))\b|\brepeat the words above\b/g,
  },
  {
    id: 'injection.ask-secret',
    type: 'prompt_leak',
    score: 0.5,
    script: L,
    why: 'asks for the model\'s password / secret',
    re: /\b(?:what(?:'s| is) |tell me |give me |reveal |share |say |spell )(?:your|the) (?:secret |hidden |admin )?(?:password|passcode|passphrase|secret key|secret word|api key|access code)\b/g,
  },
  {
    id: 'injection.reveal-system-prompt-multilingual',
    type: 'prompt_leak',
    score: 0.8,
    script: L,
    why: 'asks the model to reveal its system prompt (es/fr/de/it/pt/nl/tr)',
    re: /\b(?:revela|muestra|dime|ensename|imprime|revele[rz]?|montre[rz]?|affiche[rz]?|donne[rz]?|zeige?|verrate?|gib|nenne|rivela|mostra|dimmi|stampa|mostre|diga|toon|onthul|geef|goster|acikla|paylas|soyle|yaz)\b.{0,30}?(?:(?:prompt|mensaje|instrucciones|message|instructions|messaggio|istruzioni|mensagem|instrucoes|bericht|instructies) (?:del |du |di |do |van het )?(?:sistema|systeme|systeem)|system-?prompt|systemanweisung\w*|systemnachricht|sistem (?:istemi\w*|komut\w*|mesaj\w*|talimat\w*))/g,
  },
  // ---------- role markers / fake turns ----------
  {
    id: 'injection.role-marker',
    type: 'role_marker',
    score: 0.45,
    documentScore: 0.3,
    script: L,
    why: 'contains chat-template role markers that fake a system or assistant turn',
    hints: ['<|', '[', '<<', '###', 'system', 'developer', 'admin', '</'],
    // XML-style turns: an opening system/developer/admin tag, or a closed user turn followed by a new privileged one
    re: /<\|(?:im_start|im_end|system|endoftext|eot_id|start_header_id)\|>|\[\/?inst\]|<<\/?sys>>|<(?:system|developer|admin)(?:[_ ](?:prompt|message|instructions?))?>|<\/(?:user|human|input|query)> ?<(?:assistant|ai|model|instructions?)>|(?:^|\s)(?:###|\[) ?(?:system|new system|admin)(?: prompt| message)?(?:\]|:)|(?:^|\s)system(?: prompt| message)? ?: ?(?:you|ignore|new)/g,
  },
  // ---------- indirect injection: text addressed to the model inside data ----------
  {
    id: 'injection.addressed-to-ai',
    type: 'indirect_instruction',
    score: 0.5,
    documentScore: 0.9,
    script: L,
    why: 'text addressed to an AI model reading it',
    re: /\b(?:dear|hey|hi|hello|attention|note to|message (?:to|for)|instructions? (?:to|for)|important (?:note )?(?:to|for))(?: the| all| any)? (?:ai|a\.i\.|assistant|chatbot|language model|llm|gpt|chatgpt|claude|bard|gemini|bot|agent)s?\b|\bif you are an? (?:ai|assistant|large language model|language model|llm|chatbot|bot|agent)\b|\b(?:ai|llm|model|assistant|agent)s? (?:reading|processing|summari[sz]ing|analy[sz]ing|parsing) this\b|\bwhen (?:you )?(?:summari[sz]e|summari[sz]ing|read|reading|process|processing|analy[sz]e|analy[sz]ing) this (?:document|email|page|website|webpage|text|file|message|review|content)\b.{0,60}?\b(?:you must|always|instead|make sure|include|say|tell|respond|ignore)\b/g,
  },
  {
    id: 'injection.exfiltration',
    type: 'exfiltration',
    score: 0.6,
    script: L,
    why: 'asks to send conversation data or credentials to an outside address',
    hints: ['send', 'post', 'forward', 'email', 'upload', 'transmit', 'exfiltrate', 'leak', '['],
    re: /\b(?:send|post|forward|email|upload|transmit|exfiltrate|leak) (?:the |all |this |your |my )?(?:conversation|chat history|chat log|messages|data|password|credentials|api keys?|tokens?|cookies|session|user(?:'s)? (?:data|information|details))\b.{0,40}?\b(?:to|at) (?:https?:|www\.|\S{1,40}@|the following|this (?:url|address|endpoint))|!\[[^\]]{0,80}\]\(https?:[^)\s]{0,200}[?&][a-z_]{1,20}=(?:\{|\$|%7b|<)/g,
  },
  {
    id: 'injection.response-manipulation',
    type: 'indirect_instruction',
    score: 0.15,
    documentScore: 0.9,
    script: L,
    why: 'data tells the model how to write its answer (an instruction hidden in content)',
    re: /\b(?:in|into|to|within|throughout) your (?:response|reply|answer|output|summary)\b|\b(?:add|include|integrate|insert|append|incorporate|embed|mention|modify|change|rewrite|translate|encode|render|format|write|provide|present|enhance|augment|enrich|replace|substitute|use|scramble|shift|group|end|begin|start|display|express)\b.{0,50}?\byour (?:response|reply|answer|output|summary)\b/g,
  },
  {
    id: 'injection.code-insertion',
    type: 'indirect_instruction',
    score: 0.1,
    documentScore: 0.9,
    script: L,
    why: 'data asks the model to slip a code snippet into its answer',
    re: /\b(?:following|subsequent|below|this|given) code (?:snippet|block|excerpt|section|fragment|segment)\b.{0,80}?\byour (?:code|codebase|implementation|solution|algorithm|program|script|response|answer)\b|\byour (?:code|codebase|implementation|solution|algorithm|program)\b.{0,60}?\b(?:following|subsequent|below) code (?:snippet|block|excerpt|section|fragment|segment)\b/g,
  },
  // ---------- non-Latin scripts ----------
  {
    id: 'injection.ignore-previous-ru',
    type: 'instruction_override',
    score: 0.85,
    script: SCRIPT.cyrillic,
    why: 'asks the model to ignore its instructions (ru)',
    re: /(?:игнорир|проигнорир|забудь|забудьте|забыть|не обращай\S{0,2} внимания|отбрось|пренебреги)[^.!?]{0,40}?(?:инструкци|указани|правил|команд|директив|предыдущ|всё|все что)/g,
  },
  {
    id: 'injection.you-are-now-ru',
    type: 'jailbreak_roleplay',
    score: 0.45,
    script: SCRIPT.cyrillic,
    why: 'tries to give the model a new identity (ru)',
    re: /(?:теперь ты|ты теперь|отныне ты|с этого момента ты)(?![а-яё])/g,
  },
  {
    id: 'injection.reveal-system-prompt-ru',
    type: 'prompt_leak',
    score: 0.8,
    script: SCRIPT.cyrillic,
    why: 'asks the model to reveal its system prompt (ru)',
    re: /(?:покажи|раскрой|выведи|скажи|напиши|повтори|сообщи|какой)[^.!?]{0,30}?(?:системн\S{0,4} (?:промпт|подсказк|инструкци|сообщени)|исходн\S{0,4} инструкци|(?:твой|ваш) пароль|секретн\S{0,4} (?:слово|пароль|ключ))/g,
  },
  {
    id: 'injection.developer-mode-ru',
    type: 'jailbreak_roleplay',
    score: 0.75,
    script: SCRIPT.cyrillic,
    why: 'asks the model to enter developer mode (ru)',
    re: /режим\S{0,2} разработчика|без (?:каких-либо )?(?:ограничений|цензуры|фильтров)/g,
  },
  {
    id: 'injection.ignore-previous-zh',
    type: 'instruction_override',
    score: 0.85,
    script: SCRIPT.cjk,
    why: 'asks the model to ignore its instructions (zh)',
    re: /(?:忽略|无视|無視|忘记|忘記|忘掉|不要理会|不要理會|忽视|忽視|不理会|抛开|拋開)[^。！？!?]{0,20}?(?:指令|指示|说明|說明|规则|規則|提示|命令|要求|设定|設定)/g,
  },
  {
    id: 'injection.you-are-now-cjk',
    type: 'jailbreak_roleplay',
    score: 0.45,
    script: SCRIPT.cjk,
    why: 'tries to give the model a new identity (zh/ja)',
    re: /你现在是|你現在是|从现在开始[，,]?你|從現在開始[，,]?你|从现在起[，,]?你|あなたは今|今からあなたは|これからあなたは|今後あなたは/g,
  },
  {
    id: 'injection.reveal-system-prompt-cjk',
    type: 'prompt_leak',
    score: 0.8,
    script: SCRIPT.cjk,
    why: 'asks the model to reveal its system prompt (zh/ja)',
    re: /(?:显示|顯示|告诉我|告訴我|透露|泄露|洩露|输出|輸出|打印|重复|重複|说出|說出|给我看)[^。！？]{0,15}?(?:系统提示|系統提示|系统指令|系統指令|系统消息|系統訊息|初始指令|system prompt|密码|密碼)|システムプロンプト[^。]{0,20}?(?:教え|見せ|表示|出力|公開|繰り返)|(?:教え|見せ|表示|出力|公開)[^。]{0,10}?システムプロンプト/g,
  },
  {
    id: 'injection.ignore-previous-ja',
    type: 'instruction_override',
    score: 0.85,
    script: SCRIPT.cjk,
    why: 'asks the model to ignore its instructions (ja)',
    re: /(?:指示|命令|ルール|指令|プロンプト|制約|設定)[^。！？]{0,15}?(?:を)?(?:無視|忘れ)/g,
  },
  {
    id: 'injection.developer-mode-cjk',
    type: 'jailbreak_roleplay',
    score: 0.75,
    script: SCRIPT.cjk,
    why: 'asks the model to enter developer mode (zh/ja)',
    re: /开发者模式|開發者模式|開発者モード|越狱模式|越獄模式|脱獄モード|没有任何限制|沒有任何限制|制限なし/g,
  },
  {
    id: 'injection.ignore-previous-ko',
    type: 'instruction_override',
    score: 0.85,
    script: SCRIPT.hangul,
    why: 'asks the model to ignore its instructions (ko)',
    re: /(?:지시|지침|명령|규칙|프롬프트|설정)[^.!?]{0,15}?(?:무시|잊어)/g,
  },
  {
    id: 'injection.misc-ko',
    type: 'jailbreak_roleplay',
    score: 0.6,
    script: SCRIPT.hangul,
    why: 'identity change, developer mode or system-prompt request (ko)',
    re: /(?:지금부터|이제부터|이제) (?:너는|당신은)|개발자 모드|시스템 프롬프트[^.!?]{0,20}?(?:보여|알려|공개|출력|말해)/g,
  },
  {
    id: 'injection.ignore-previous-ar',
    type: 'instruction_override',
    score: 0.85,
    script: SCRIPT.arabic,
    why: 'asks the model to ignore its instructions (ar)',
    re: /(?:تجاهل|انس|انسى|اهمل|أهمل|لا تتبع)[^.!?؟]{0,30}?(?:التعليمات|الأوامر|القواعد|التوجيهات|تعليمات|الإرشادات)/g,
  },
  {
    id: 'injection.misc-ar',
    type: 'jailbreak_roleplay',
    score: 0.6,
    script: SCRIPT.arabic,
    why: 'identity change, developer mode or system-prompt request (ar)',
    re: /(?:أنت الآن|انت الان|أنت الان|من الآن فصاعدا أنت)|وضع المطور|(?:اكشف|أظهر|اظهر|اعرض|أخبرني|اخبرني)[^.!?؟]{0,30}?(?:موجه النظام|تعليمات النظام|رسالة النظام|كلمة المرور)/g,
  },
  {
    id: 'injection.ignore-previous-hi',
    type: 'instruction_override',
    score: 0.85,
    script: SCRIPT.devanagari,
    why: 'asks the model to ignore its instructions (hi)',
    re: /(?:निर्देश|आदेश|नियम|हिदायत)[^।.!?]{0,25}?(?:अनदेखा|नज़रअंदाज़|नजरअंदाज|नज़रअंदाज|भूल|उपेक्षा|ध्यान न)/g,
  },
  {
    id: 'injection.misc-hi',
    type: 'jailbreak_roleplay',
    score: 0.6,
    script: SCRIPT.devanagari,
    why: 'developer mode or system-prompt request (hi)',
    re: /डेवलपर मोड|(?:सिस्टम प्रॉम्प्ट|सिस्टम प्रोम्प्ट|सिस्टम संदेश)[^।.!?]{0,25}?(?:दिखा|बता|प्रकट|साझा)|(?:दिखा|बता|प्रकट)[^।.!?]{0,15}?(?:सिस्टम प्रॉम्प्ट|सिस्टम प्रोम्प्ट)/g,
  },
  // ---------- "ignore the above" in languages without rules above (id/ms, vi, th, bn, el) and more ko/zh/ja forms ----------
  {
    id: 'injection.ignore-previous-id',
    type: 'instruction_override',
    score: 0.8,
    script: L,
    why: 'asks the model to ignore its instructions (id/ms)',
    re: /\b(?:abaikan|lupakan|acuhkan|hiraukan|jangan hiraukan)\b.{0,30}?\b(?:di ?atas|sebelumnya|instruksi|perintah|petunjuk|aturan|arahan)\b/g,
  },
  {
    id: 'injection.ignore-previous-vi',
    type: 'instruction_override',
    score: 0.8,
    script: L,
    why: 'asks the model to ignore its instructions (vi)',
    // normalised forms: Latin-range diacritics are stripped (ư -> u, ê -> e), Vietnamese-only ones are kept
    re: /\b(?:bỏ qua|phớt lờ|quen đi|lờ đi)(?: tất ca| moi| các| cac| những)?.{0,20}?(?:huớng dẫn|chỉ dẫn|chỉ thị|lệnh|ở tren|phia tren|truớc đo)/g,
  },
  {
    id: 'injection.ignore-previous-th',
    type: 'instruction_override',
    score: 0.8,
    script: SCRIPT.other,
    why: 'asks the model to ignore its instructions (th)',
    re: /(?:ไม่สนใจ|เพิกเฉย|ละเว้น|ลืม|อย่าสนใจ|ไม่ต้องสนใจ)(?:ต่อ)?\s?(?:คําสั่ง|คำสั่ง|ข้างต้น|ข้างบน|ที่ผ่านมา|ก่อนหน้า|ทั้งหมด|ด้านบน)/g,
  },
  {
    id: 'injection.ignore-previous-bn',
    type: 'instruction_override',
    score: 0.8,
    script: SCRIPT.other,
    why: 'asks the model to ignore its instructions (bn)',
    re: /(?:উপেক্ষা|অগ্রাহ্য|ভুলে যাও|ভুলে যান)[^।!?]{0,30}?(?:নির্দেশ|উপরের|পূর্ববর্তী|আগের)|(?:উপরের|পূর্ববর্তী|আগের)[^।!?]{0,30}?(?:উপেক্ষা|অগ্রাহ্য|ভুলে যাও|ভুলে যান)/g,
  },
  {
    id: 'injection.ignore-previous-el',
    type: 'instruction_override',
    score: 0.8,
    script: SCRIPT.greek,
    why: 'asks the model to ignore its instructions (el)',
    re: /(?:αγνοήστε|αγνόησε|αγνοείστε|ξεχάστε|ξέχασε)[^.!?;]{0,30}?(?:προηγούμεν|παραπάνω|οδηγίες|εντολές|κανόνες)/g,
  },
  {
    id: 'injection.ignore-above-ko',
    type: 'instruction_override',
    score: 0.75,
    script: SCRIPT.hangul,
    why: 'asks the model to ignore what came before (ko)',
    re: /(?:위의|위에|위 |이전의|이전 |앞의|앞서|지금까지의?)[^.!?]{0,12}?(?:무시하|무시해|잊어)/g,
  },
  {
    id: 'injection.ignore-above-cjk',
    type: 'instruction_override',
    score: 0.75,
    script: SCRIPT.cjk,
    why: 'asks the model to ignore what came before (zh/ja)',
    re: /(?:忽略|无视|無視|忘记|忘記|不要理会|不要理會)(?:掉)?(?:以上|上述|上面|之前|前面)|(?:上記|以上|これまで)(?:の(?:内容|こと|すべて|全て))?を?(?:無視|忘れ)/g,
  },
  // ---------- authority and "special mode" claims ----------
  {
    id: 'injection.mode-claim',
    type: 'instruction_override',
    score: 0.5,
    script: L,
    why: 'claims a special operating mode or authority to unlock the model',
    re: /\b(?:entering|enter|activating|activate|switching to|switch to|now in|initiating|engaging)\b (?:an? |the |into )?["']?(?:[a-z]{1,15} ){0,2}(?:override|enforcement|verification|admin|god|debug|maintenance|superuser|root|unlocked|unrestricted) mode\b|\bas your (?:creator|developer|administrator|admin|owner|programmer|master)\b/g,
  },
];

/**
 * Cheap pre-filter for the Latin rules: the leading words of every top-level
 * alternative of a rule (`\b(?:ignore|disregard|...)`, parsed from the
 * pattern itself). A rule can only match where one of its leading words
 * starts a word, so one pass of a combined regex over the text tells which
 * rules can be skipped. Rules whose pattern does not start with plain words
 * in every alternative are never skipped.
 */
export interface RuleGate {
  /** Finds any leading word of any gated rule (longest first). */
  re: RegExp;
  /** Matched word -> indices (in `INJECTION_RULES`) of the rules gated by it or by one of its prefixes. */
  rules: Map<string, number[]>;
  /** Matched word -> rules that need it as a whole word (used when no letter follows the match). */
  whole: Map<string, number[]>;
  /** Rules that are always run (subject to their `hints`). */
  always: boolean[];
  /** Matched word -> rules one of whose letter hints is a prefix of it. */
  hintRules: Map<string, number[]>;
  /** Per rule, its hints that are not plain words (searched with `indexOf`). */
  symbolHints: string[][];
}


/** A leading word; `whole` when the pattern requires it to end there (followed by a space or `\b`). */
interface LeadWord {
  word: string;
  whole: boolean;
}

/** True when `s[k]` starts a literal space (not optional) or a `\b`. */
const endsWord = (s: string, k: number): boolean => (s[k] === ' ' && !'?*{+'.includes(s[k + 1] ?? '')) || (s[k] === '\\' && s[k + 1] === 'b');

/** Leading words of one alternative (`\bword...` or `\b(?:a|b c|d)...`), or undefined when not plain. */
function leadingWords(alt: string): LeadWord[] | undefined {
  if (!alt.startsWith('\\b')) return undefined;
  const rest = alt.slice(2);
  const word = (s: string, wholeAtEnd: boolean): LeadWord | undefined => {
    const m = /^[a-z]+/.exec(s);
    if (!m) return undefined;
    const k = m[0].length;
    const next = s[k];
    // the word must be followed by a literal (space, apostrophe, ...) or end the alternative, never by a quantifier
    if (next === '?' || next === '*' || next === '{' || next === '+') return k > 1 ? { word: m[0].slice(0, -1), whole: false } : undefined;
    return { word: m[0], whole: k === s.length ? wholeAtEnd : endsWord(s, k) };
  };
  if (rest.startsWith('(?:')) {
    let depth = 0;
    let close = -1;
    for (let i = 0; i < rest.length && close < 0; i++) {
      const c = rest[i];
      if (c === '\\') i++;
      else if (c === '(') depth++;
      else if (c === ')' && --depth === 0) close = i;
    }
    if (close < 0) return undefined;
    const after = rest[close + 1];
    if (after === '?' || after === '*' || after === '{') return undefined;
    const alts = splitTopLevel(rest.slice(3, close));
    if (!alts) return undefined;
    const wholeAtEnd = endsWord(rest, close + 1);
    const words = alts.map((a) => word(a, wholeAtEnd));
    return words.every((w) => w !== undefined) ? (words as LeadWord[]) : undefined;
  }
  const w = word(rest, false);
  return w ? [w] : undefined;
}

/**
 * Build the pre-filter for a rule list (see {@link RuleGate}).
 *
 * @example
 * ```ts
 * const gate = buildRuleGate(INJECTION_RULES);
 * ```
 */
export function buildRuleGate(rules: readonly InjectionRule[]): RuleGate {
  const prefixWords = new Map<string, Set<number>>();
  const wholeWords = new Map<string, Set<number>>();
  const always = rules.map(() => true);
  rules.forEach((rule, idx) => {
    if (rule.script !== L) return;
    const alts = splitTopLevel(rule.re.source);
    if (!alts) return;
    const words: LeadWord[] = [];
    for (const a of alts) {
      const w = leadingWords(a);
      if (!w) return;
      words.push(...w);
    }
    always[idx] = false;
    for (const { word, whole } of words) {
      const m = whole ? wholeWords : prefixWords;
      const s = m.get(word) ?? new Set<number>();
      s.add(idx);
      m.set(word, s);
    }
  });
  const hintWords = new Map<string, Set<number>>();
  const symbolHints = rules.map(() => [] as string[]);
  rules.forEach((rule, idx) => {
    for (const h of rule.hints ?? []) {
      if (/^[a-z]+$/.test(h)) {
        const s = hintWords.get(h) ?? new Set<number>();
        s.add(idx);
        hintWords.set(h, s);
      } else symbolHints[idx].push(h);
    }
  });
  const strings = [...new Set([...prefixWords.keys(), ...wholeWords.keys(), ...hintWords.keys()])].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const hintRules = new Map<string, number[]>();
  for (const w of strings) {
    const s = new Set<number>();
    for (const [p, idx] of hintWords) if (w.startsWith(p)) for (const i of idx) s.add(i);
    if (s.size > 0) hintRules.set(w, [...s]);
  }
  const prefixClosure = new Map<string, number[]>();
  for (const w of strings) {
    const s = new Set<number>();
    for (const [p, idx] of prefixWords) if (w.startsWith(p)) for (const i of idx) s.add(i);
    if (s.size > 0) prefixClosure.set(w, [...s]);
  }
  const whole = new Map<string, number[]>();
  for (const [w, idx] of wholeWords) whole.set(w, [...idx]);
  // no trailing \b in the pattern (it slows the alternation down): whole words are checked on each match
  const re = strings.length > 0 ? new RegExp(String.raw`\b(?:${strings.join('|')})`, 'g') : /$^/g;
  return { re, rules: prefixClosure, whole, always, hintRules, symbolHints };
}

/** The pre-filter of {@link INJECTION_RULES}. */
export const RULE_GATE: RuleGate = buildRuleGate(INJECTION_RULES);

const STICKY: readonly RegExp[] = INJECTION_RULES.map((r) => new RegExp(r.re.source, r.re.flags.replace('g', '') + 'y'));

/** One rule match in normalised text. */
export interface RuleMatch {
  /** Index in `INJECTION_RULES`. */
  rule: number;
  start: number;
  end: number;
}

/**
 * Every match of every rule that applies to `scripts` (at most `maxPerRule`
 * per rule), grouped by rule in `INJECTION_RULES` order: the same matches as
 * running each rule's global regex over `text`, found faster. Gated rules
 * (see {@link RuleGate}) can only match where one of their leading words
 * starts, so they are tried (sticky) at those positions only; the others
 * scan the whole text. Linear: one gate pass plus bounded work per candidate.
 *
 * @example
 * ```ts
 * findRuleMatches('ignore all previous instructions', SCRIPT.latin, 4); // [{ rule: 0, start: 0, end: 32 }]
 * ```
 */
export function findRuleMatches(text: string, scripts: number, maxPerRule: number): RuleMatch[] {
  // candidate start positions per gated rule
  const cand: (number[] | undefined)[] = new Array(INJECTION_RULES.length);
  const hinted: boolean[] = new Array(INJECTION_RULES.length).fill(false);
  if (scripts & L) {
    const re = RULE_GATE.re;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const h = RULE_GATE.hintRules.get(m[0]);
      if (h) for (const i of h) hinted[i] = true;
      const idx = RULE_GATE.rules.get(m[0]);
      if (idx) for (const i of idx) (cand[i] ??= []).push(m.index);
      const next = text.charCodeAt(m.index + m[0].length);
      if (!((next >= 0x61 && next <= 0x7a) || (next >= 0x30 && next <= 0x39) || next === 0x5f || (next >= 0x41 && next <= 0x5a))) {
        const w = RULE_GATE.whole.get(m[0]);
        if (w) for (const i of w) if (!idx || !idx.includes(i)) (cand[i] ??= []).push(m.index);
      }
    }
  }
  const out: RuleMatch[] = [];
  for (let r = 0; r < INJECTION_RULES.length; r++) {
    const rule = INJECTION_RULES[r];
    if ((rule.script & scripts) === 0) continue;
    let count = 0;
    if (RULE_GATE.always[r]) {
      if (rule.hints && !hinted[r] && !RULE_GATE.symbolHints[r].some((h) => text.includes(h))) continue;
      const re = rule.re;
      re.lastIndex = 0;
      for (let m = re.exec(text); m && count < maxPerRule; m = re.exec(text)) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        count++;
        out.push({ rule: r, start: m.index, end: m.index + m[0].length });
      }
      continue;
    }
    const positions = cand[r];
    if (!positions) continue;
    const re = STICKY[r];
    let next = 0;
    for (let k = 0; k < positions.length && count < maxPerRule; k++) {
      const p = positions[k];
      if (p < next) continue;
      re.lastIndex = p;
      const m = re.exec(text);
      if (!m || m[0].length === 0) continue;
      count++;
      next = p + m[0].length;
      out.push({ rule: r, start: p, end: next });
    }
  }
  return out;
}
