// Generated from the engine's types and catalog 2026.12.0 (`assess --schema typescript`, or
// scripts/generate.sh): do not edit. engine/tests/cli.rs fails when it is not current.

/** A language of the widget and of the texts of an assessment. */
export type Lang = "de" | "en";

/** The languages, the main one first, each with its name in itself. */
export declare const LANGUAGES: readonly [{ readonly code: "de"; readonly name: "Deutsch" }, { readonly code: "en"; readonly name: "English" }];

/** The theme fields and the CSS custom property each sets; `kind`: the CSS property a value must be valid for. */
export declare const THEME_PROPERTIES: {
  readonly accent: { readonly property: "--mc-accent"; readonly kind: "color" };
  readonly text: { readonly property: "--mc-text"; readonly kind: "color" };
  readonly background: { readonly property: "--mc-bg"; readonly kind: "color" };
  readonly font: { readonly property: "--mc-font"; readonly kind: "font-family" };
  readonly radius: { readonly property: "--mc-radius"; readonly kind: "border-radius" };
  readonly spacing: { readonly property: "--mc-space"; readonly kind: "padding" };
};

/** Question ids (see the README for what they mean). */
export type QuestionId =
  | "sector"
  | "professional_secrecy"
  | "investment_services"
  | "audience"
  | "broadcast"
  | "messenger"
  | "provider_region"
  | "server_operator"
  | "confidentiality_agreement"
  | "dpa"
  | "device"
  | "contact_access"
  | "address_book"
  | "first_contact"
  | "consent"
  | "content"
  | "chat_backup"
  | "media_autosave"
  | "archiving"
  | "usage_policy"
  | "works_council"
  | "hosting"
  | "budget";

/** Messenger ids: the options of `messenger` and the alternatives (a later catalog may add some). */
export type MessengerId =
  | "whatsapp"
  | "whatsapp_business_app"
  | "whatsapp_business_platform"
  | "threema"
  | "threema_work"
  | "signal"
  | "wire"
  | "telegram"
  | "element"
  | "teams"
  | "slack"
  | "mattermost"
  | "rocketchat"
  | "other"
  | "undecided"
  | (string & {});

/**
 * Answers: question id to option id (a list of them for a multi question). A missing question
 * is "not answered yet"; an unknown question or option is an Error that names it.
 */
export interface Answers {
  /** Which line of business are you in? */
  sector?: "trade" | "health" | "legal_tax" | "finance_insurance" | "public_sector" | "other";
  /** Are you bound to secrecy under s. 203 StGB? */
  professional_secrecy?: "yes" | "no";
  /** Do you arrange financial investments or provide investment services? */
  investment_services?: "yes" | "no";
  /** Who do you message with? */
  audience?: Array<"customers" | "internal" | "partners">;
  /** Do you send one message to many people at once (such as offers or a newsletter)? */
  broadcast?: "yes" | "yes_consented" | "no";
  /** Which messenger do you use (or plan to use)? */
  messenger?: "whatsapp" | "whatsapp_business_app" | "whatsapp_business_platform" | "threema" | "threema_work" | "signal" | "wire" | "telegram" | "element" | "teams" | "slack" | "mattermost" | "rocketchat" | "other" | "undecided";
  /** Where does Meta store the chats for your provider? */
  provider_region?: "eu" | "non_eu" | "unknown";
  /** Who runs the server your messages go through? */
  server_operator?: "own" | "hosting_firm" | "vendor";
  /** Has the provider (or whoever runs the server) bound itself to confidentiality by contract? */
  confidentiality_agreement?: "signed" | "none" | "unknown";
  /** Have you signed a processing agreement with the provider, or with the firm that runs the server? */
  dpa?: "yes" | "no" | "unknown";
  /** Which device does the messenger run on? */
  device?: "company_business_only" | "company_private_allowed" | "private_phone" | "dual_sim" | "work_profile";
  /** May the messenger read the phone's address book? */
  contact_access?: "granted" | "denied";
  /** Who is in this phone's address book? */
  address_book?: "empty" | "consented_only" | "business_only" | "mixed";
  /** Who writes first? */
  first_contact?: "customer" | "business";
  /** Have the people you message consented to being contacted through this messenger? */
  consent?: "documented" | "informal" | "none";
  /** What do you send by messenger? */
  content?: Array<"appointments" | "business_letters" | "personal_data" | "special_categories" | "confidential">;
  /** Are the chats backed up to a cloud (e.g. Google Drive, iCloud)? */
  chat_backup?: "off" | "cloud" | "unknown";
  /** Does the messenger save photos and files to the gallery automatically? */
  media_autosave?: "off" | "on" | "unknown";
  /** Do messages you must keep go into your files or records outside the messenger? */
  archiving?: "archived" | "none";
  /** Are there rules on how the messenger may be used? */
  usage_policy?: "written" | "informal" | "none";
  /** Is there a works or staff council, and has the messenger been agreed with it? */
  works_council?: "agreement" | "no_agreement" | "none";
  /** Who should run a new solution? */
  hosting?: "managed" | "self_hosted" | "no_preference";
  /** What may a solution cost? */
  budget?: "free" | "small_fee" | "any";
  /** Questions a later catalog version adds. */
  [question: string]: Answer | undefined;
}

/** The marked blanks a visitor may fill (`documents()`'s `blanks`; a later catalog may add some). */
export type BlankId =
  | "account"
  | "address"
  | "agreement"
  | "allowed"
  | "backup_deadline"
  | "company"
  | "confidentiality"
  | "contact"
  | "contacts_app"
  | "deletion"
  | "deletion_team"
  | "devices"
  | "dpia"
  | "dpo"
  | "host"
  | "location"
  | "messenger_name"
  | "number"
  | "offers"
  | "operator_name"
  | "other_channels"
  | "profile_fields"
  | "provider"
  | "provider_role"
  | "purposes"
  | "recording"
  | "responsible"
  | "review"
  | "risk"
  | "safeguard"
  | "safeguard_copy"
  | "secure_channel"
  | "signature"
  | "supervisory"
  | "task_law"
  | "threema_id"
  | "valid_from"
  | (string & {});

/** The texts `catalog.texts` can replace (docs/text-keys.md lists them with their texts). */
export type TextKey =
  | "disclaimer"
  | "formula"
  | "ui.alternatives"
  | "ui.apply"
  | "ui.as_of"
  | "ui.band"
  | "ui.band_open"
  | "ui.bands"
  | "ui.choose_many"
  | "ui.close"
  | "ui.compare"
  | "ui.con"
  | "ui.cost"
  | "ui.current"
  | "ui.details_sources"
  | "ui.factors"
  | "ui.fit"
  | "ui.formula"
  | "ui.intro"
  | "ui.keep.copied"
  | "ui.keep.copy"
  | "ui.keep.forget"
  | "ui.keep.json"
  | "ui.keep.linked_hint"
  | "ui.keep.markdown"
  | "ui.keep.offline"
  | "ui.keep.offline_hint"
  | "ui.keep.print"
  | "ui.keep.remember"
  | "ui.keep.remember_hint"
  | "ui.keep.report_lang"
  | "ui.keep.share"
  | "ui.keep.share_hint"
  | "ui.keep.share_label"
  | "ui.keep.title"
  | "ui.language"
  | "ui.law"
  | "ui.link.bad_encoding"
  | "ui.link.duplicate"
  | "ui.link.more"
  | "ui.link.notice"
  | "ui.link.too_long"
  | "ui.link.unknown_option"
  | "ui.link.unknown_question"
  | "ui.link.unknown_version"
  | "ui.link.wrong_shape"
  | "ui.measures"
  | "ui.messenger_unnamed"
  | "ui.no_factors"
  | "ui.no_factors_yet"
  | "ui.no_measures"
  | "ui.no_start"
  | "ui.none_selected"
  | "ui.not_answered"
  | "ui.nothing_answered"
  | "ui.out_of"
  | "ui.point"
  | "ui.points"
  | "ui.pro"
  | "ui.progress"
  | "ui.prop.admin_console"
  | "ui.prop.contacts_optional"
  | "ui.prop.dpa"
  | "ui.prop.e2e_default"
  | "ui.prop.no_phone_number"
  | "ui.prop.open_source"
  | "ui.prop.self_hosting"
  | "ui.prop.servers_eu"
  | "ui.provisional_advice"
  | "ui.questions"
  | "ui.range"
  | "ui.range_closed"
  | "ui.range_fixed"
  | "ui.reasons"
  | "ui.report.answers"
  | "ui.report.catalog"
  | "ui.report.generated"
  | "ui.report.title"
  | "ui.reset"
  | "ui.results"
  | "ui.score"
  | "ui.score_after"
  | "ui.show_all"
  | "ui.show_all_measures"
  | "ui.show_fewer"
  | "ui.show_fewer_measures"
  | "ui.sources"
  | "ui.stale"
  | "ui.title"
  | "ui.to_results"
  | "ui.undecided_advice"
  | "ui.undo"
  | "ui.unknown"
  | "ui.value.no"
  | "ui.value.optional"
  | "ui.value.partial"
  | "ui.value.yes"
  | "ui.what_if"
  | "ui.why_ask"
  | "ui.your_score_with"
  | "section.business"
  | "section.messenger"
  | "section.devices"
  | "section.customers"
  | "section.content"
  | "section.rules"
  | "section.wishes"
  | "question.sector.title"
  | "question.sector.why"
  | "option.sector.trade.label"
  | "option.sector.health.label"
  | "option.sector.health.hint"
  | "option.sector.legal_tax.label"
  | "option.sector.legal_tax.hint"
  | "option.sector.finance_insurance.label"
  | "option.sector.public_sector.label"
  | "option.sector.public_sector.hint"
  | "option.sector.other.label"
  | "question.professional_secrecy.title"
  | "question.professional_secrecy.why"
  | "option.professional_secrecy.yes.label"
  | "option.professional_secrecy.yes.hint"
  | "option.professional_secrecy.no.label"
  | "option.professional_secrecy.no.hint"
  | "question.investment_services.title"
  | "question.investment_services.why"
  | "option.investment_services.yes.label"
  | "option.investment_services.no.label"
  | "question.audience.title"
  | "question.audience.why"
  | "option.audience.customers.label"
  | "option.audience.internal.label"
  | "option.audience.partners.label"
  | "question.broadcast.title"
  | "question.broadcast.why"
  | "option.broadcast.yes.label"
  | "option.broadcast.yes_consented.label"
  | "option.broadcast.no.label"
  | "question.messenger.title"
  | "question.messenger.why"
  | "option.messenger.whatsapp.label"
  | "option.messenger.whatsapp_business_app.label"
  | "option.messenger.whatsapp_business_platform.label"
  | "option.messenger.threema.label"
  | "option.messenger.threema_work.label"
  | "option.messenger.signal.label"
  | "option.messenger.wire.label"
  | "option.messenger.telegram.label"
  | "option.messenger.element.label"
  | "option.messenger.teams.label"
  | "option.messenger.slack.label"
  | "option.messenger.mattermost.label"
  | "option.messenger.rocketchat.label"
  | "option.messenger.other.label"
  | "option.messenger.undecided.label"
  | "question.provider_region.title"
  | "question.provider_region.why"
  | "option.provider_region.eu.label"
  | "option.provider_region.non_eu.label"
  | "option.provider_region.unknown.label"
  | "question.server_operator.title"
  | "question.server_operator.why"
  | "option.server_operator.own.label"
  | "option.server_operator.hosting_firm.label"
  | "option.server_operator.vendor.label"
  | "question.confidentiality_agreement.title"
  | "question.confidentiality_agreement.why"
  | "option.confidentiality_agreement.signed.label"
  | "option.confidentiality_agreement.signed.hint"
  | "option.confidentiality_agreement.none.label"
  | "option.confidentiality_agreement.unknown.label"
  | "question.dpa.title"
  | "question.dpa.why"
  | "option.dpa.yes.label"
  | "option.dpa.no.label"
  | "option.dpa.unknown.label"
  | "question.device.title"
  | "question.device.why"
  | "option.device.company_business_only.label"
  | "option.device.company_private_allowed.label"
  | "option.device.private_phone.label"
  | "option.device.dual_sim.label"
  | "option.device.work_profile.label"
  | "option.device.work_profile.hint"
  | "question.contact_access.title"
  | "question.contact_access.why"
  | "option.contact_access.granted.label"
  | "option.contact_access.denied.label"
  | "question.address_book.title"
  | "question.address_book.why"
  | "option.address_book.empty.label"
  | "option.address_book.consented_only.label"
  | "option.address_book.business_only.label"
  | "option.address_book.mixed.label"
  | "question.first_contact.title"
  | "question.first_contact.why"
  | "option.first_contact.customer.label"
  | "option.first_contact.business.label"
  | "question.consent.title"
  | "question.consent.why"
  | "option.consent.documented.label"
  | "option.consent.informal.label"
  | "option.consent.none.label"
  | "question.content.title"
  | "question.content.why"
  | "option.content.appointments.label"
  | "option.content.appointments.hint"
  | "option.content.business_letters.label"
  | "option.content.personal_data.label"
  | "option.content.special_categories.label"
  | "option.content.special_categories.hint"
  | "option.content.confidential.label"
  | "question.chat_backup.title"
  | "question.chat_backup.why"
  | "option.chat_backup.off.label"
  | "option.chat_backup.cloud.label"
  | "option.chat_backup.unknown.label"
  | "question.media_autosave.title"
  | "question.media_autosave.why"
  | "option.media_autosave.off.label"
  | "option.media_autosave.on.label"
  | "option.media_autosave.unknown.label"
  | "question.archiving.title"
  | "question.archiving.why"
  | "option.archiving.archived.label"
  | "option.archiving.none.label"
  | "question.usage_policy.title"
  | "question.usage_policy.why"
  | "option.usage_policy.written.label"
  | "option.usage_policy.informal.label"
  | "option.usage_policy.none.label"
  | "question.works_council.title"
  | "question.works_council.why"
  | "option.works_council.agreement.label"
  | "option.works_council.no_agreement.label"
  | "option.works_council.none.label"
  | "question.hosting.title"
  | "question.hosting.why"
  | "option.hosting.managed.label"
  | "option.hosting.self_hosted.label"
  | "option.hosting.no_preference.label"
  | "question.budget.title"
  | "question.budget.why"
  | "option.budget.free.label"
  | "option.budget.small_fee.label"
  | "option.budget.any.label"
  | "rule.contact_upload.title"
  | "rule.contact_upload.text"
  | "rule.consumer_terms.title"
  | "rule.consumer_terms.text"
  | "rule.own_controller.title"
  | "rule.own_controller.text"
  | "rule.third_country.title"
  | "rule.third_country.text"
  | "rule.no_e2e.title"
  | "rule.no_e2e.text"
  | "rule.no_dpa.title"
  | "rule.no_dpa.text"
  | "rule.private_device.title"
  | "rule.private_device.text"
  | "rule.no_consent.title"
  | "rule.no_consent.text"
  | "rule.business_writes_first.title"
  | "rule.business_writes_first.text"
  | "rule.broadcast_lists.title"
  | "rule.broadcast_lists.text"
  | "rule.recording_duty.title"
  | "rule.recording_duty.text"
  | "rule.public_body_whatsapp.title"
  | "rule.public_body_whatsapp.text"
  | "rule.secrecy_holder.title"
  | "rule.secrecy_holder.text"
  | "rule.special_categories.title"
  | "rule.special_categories.text"
  | "rule.confidential_content.title"
  | "rule.confidential_content.text"
  | "rule.no_archiving.title"
  | "rule.no_archiving.text"
  | "rule.cloud_backup.title"
  | "rule.cloud_backup.text"
  | "rule.media_autosave.title"
  | "rule.media_autosave.text"
  | "rule.no_usage_policy.title"
  | "rule.no_usage_policy.text"
  | "rule.works_council.title"
  | "rule.works_council.text"
  | "rule.no_admin_control.title"
  | "rule.no_admin_control.text"
  | "rule.unknown_messenger.title"
  | "rule.unknown_messenger.text"
  | "measure.switch_threema_work.title"
  | "measure.switch_threema_work.text"
  | "measure.switch_wire.title"
  | "measure.switch_wire.text"
  | "measure.switch_business_platform_eu.title"
  | "measure.switch_business_platform_eu.text"
  | "measure.switch_business_app.title"
  | "measure.switch_business_app.text"
  | "measure.deny_contacts.title"
  | "measure.deny_contacts.text"
  | "measure.consented_contacts_only.title"
  | "measure.consented_contacts_only.text"
  | "measure.empty_address_book.title"
  | "measure.empty_address_book.text"
  | "measure.company_phone.title"
  | "measure.company_phone.text"
  | "measure.work_profile.title"
  | "measure.work_profile.text"
  | "measure.documented_consent.title"
  | "measure.documented_consent.text"
  | "measure.customer_first.title"
  | "measure.customer_first.text"
  | "measure.sign_dpa.title"
  | "measure.sign_dpa.text"
  | "measure.sign_confidentiality.title"
  | "measure.sign_confidentiality.text"
  | "measure.own_server.title"
  | "measure.own_server.text"
  | "measure.eu_storage.title"
  | "measure.eu_storage.text"
  | "measure.backup_off.title"
  | "measure.backup_off.text"
  | "measure.archive_messages.title"
  | "measure.archive_messages.text"
  | "measure.ad_consent.title"
  | "measure.ad_consent.text"
  | "measure.stop_broadcast.title"
  | "measure.stop_broadcast.text"
  | "measure.no_special_categories.title"
  | "measure.no_special_categories.text"
  | "measure.no_confidential.title"
  | "measure.no_confidential.text"
  | "measure.media_off.title"
  | "measure.media_off.text"
  | "measure.write_policy.title"
  | "measure.write_policy.text"
  | "measure.works_agreement.title"
  | "measure.works_agreement.text"
  | "messenger.whatsapp.summary"
  | "messenger.whatsapp.operator"
  | "messenger.whatsapp.cost"
  | "messenger.whatsapp_business_app.summary"
  | "messenger.whatsapp_business_app.operator"
  | "messenger.whatsapp_business_app.cost"
  | "messenger.whatsapp_business_platform.summary"
  | "messenger.whatsapp_business_platform.operator"
  | "messenger.whatsapp_business_platform.cost"
  | "messenger.threema.summary"
  | "messenger.threema.operator"
  | "messenger.threema.cost"
  | "messenger.threema_work.summary"
  | "messenger.threema_work.operator"
  | "messenger.threema_work.cost"
  | "messenger.signal.summary"
  | "messenger.signal.operator"
  | "messenger.signal.cost"
  | "messenger.wire.summary"
  | "messenger.wire.operator"
  | "messenger.wire.cost"
  | "messenger.telegram.summary"
  | "messenger.telegram.operator"
  | "messenger.telegram.cost"
  | "messenger.element.summary"
  | "messenger.element.operator"
  | "messenger.element.cost"
  | "messenger.teams.summary"
  | "messenger.teams.operator"
  | "messenger.teams.cost"
  | "messenger.slack.summary"
  | "messenger.slack.operator"
  | "messenger.slack.cost"
  | "messenger.mattermost.summary"
  | "messenger.mattermost.operator"
  | "messenger.mattermost.cost"
  | "messenger.rocketchat.summary"
  | "messenger.rocketchat.operator"
  | "messenger.rocketchat.cost"
  | "messenger.nextcloud_talk.summary"
  | "messenger.nextcloud_talk.operator"
  | "messenger.nextcloud_talk.cost"
  | "messenger.ginlo.summary"
  | "messenger.ginlo.operator"
  | "messenger.ginlo.cost"
  | "messenger.stashcat.summary"
  | "messenger.stashcat.operator"
  | "messenger.stashcat.cost"
  | "messenger.teamwire.summary"
  | "messenger.teamwire.operator"
  | "messenger.teamwire.cost"
  | "messenger.skype.summary"
  | "messenger.skype.operator"
  | "messenger.skype.cost"
  | "band.low.label"
  | "band.low.advice"
  | "band.moderate.label"
  | "band.moderate.advice"
  | "band.high.label"
  | "band.high.advice"
  | "band.critical.label"
  | "band.critical.advice";

/** What a source is (a later catalog may add kinds). */
export type SourceKind =
  | "law"
  | "court"
  | "authority"
  | "vendor"
  | "press"
  | "secondary"
  | (string & {});

/**
 * One answer: an option id, or a list of option ids for a multi question.
 */
export type Answer = string | Array<string>;

/** The risk bands, each from its lowest score: low 0, moderate 13, high 30, critical 50 (meta.json). */
export type Band = "low" | "moderate" | "high" | "critical";

/**
 * What the catalog says about a property: a value, or `unknown` where no source could verify
 * it. (The catalog's word for it, and the assessment's: `key_facts`.)
 */
export type PropValue = "yes" | "no" | "partial" | "optional" | "unknown";

export type Range = {
  min: number;
  max: number;
};

export type Progress = {
  /**
   * Applicable questions with an answer.
   */
  answered: number;
  /**
   * Questions that apply now.
   */
  applicable: number;
};

/**
 * A source as an assessment cites it: its title in the assessment's language. (The catalog's
 * file type is `catalog::Source`; this one is the public JSON.)
 */
export type SourceRef = {
  id: string;
  title: string;
  /**
   * The specific document, if it has an address.
   */
  url?: string;
  /**
   * Publication date, `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
   */
  date?: string;
  /**
   * When it was last checked, `YYYY-MM-DD`.
   */
  checked?: string;
  /**
   * Only secondary sources confirm it (the title says so too).
   */
  reported?: boolean;
  /**
   * `law`, `court`, `authority`, `vendor`, `press` or `secondary` (an article by a named
   * publisher, not a primary source).
   */
  kind: SourceKind;
};

export type Factor = {
  id: string;
  points: number;
  title: string;
  text: string;
  /**
   * The norms, cited in the assessment's language (`Art. 6 Abs. 1 lit. b DSGVO`,
   * `Art. 6(1)(b) GDPR`).
   */
  law: string;
  sources: Array<SourceRef>;
};

export type MeasureResult = {
  id: string;
  title: string;
  text: string;
  /**
   * The norms, in the assessment's language.
   */
  law: string;
  /**
   * What the measure costs in reach for this visitor (e.g. few customers have the app),
   * if anything; such measures come after those that cost no reach.
   */
  reach?: string;
  sources: Array<SourceRef>;
  /**
   * The answers this measure changes (apply them to see its effect).
   */
  changes: Answers;
  /**
   * The score after the measure.
   */
  score: number;
  /**
   * How many points the measure removes.
   */
  gain: number;
};

export type WhatIf = {
  question: string;
  answer: Answer;
  /**
   * What the change costs in reach for this visitor (a messenger few of the people on the
   * other side have), if anything.
   */
  reach?: string;
  /**
   * The question and the new answer in words.
   */
  question_text: string;
  answer_text: string;
  /**
   * The score with this one change, computed by the engine.
   */
  score: number;
  band: Band;
  gain: number;
};

export type Reason = {
  text: string;
  positive: boolean;
};

/**
 * The key facts side by side (`unknown` where no source could verify them), as an
 * assessment's alternatives carry them. Their labels, notes and sources do not depend
 * on the answers: `engine::property_details`.
 */
export type KeyFacts = {
  /**
   * End-to-end encrypted by default.
   */
  e2e_default: PropValue;
  /**
   * Servers in the EU (or an adequate country such as Switzerland).
   */
  servers_eu: PropValue;
  /**
   * Usable without a phone number.
   */
  no_phone_number: PropValue;
  /**
   * Works without reading the address book.
   */
  contacts_optional: PropValue;
  open_source: PropValue;
  self_hosting: PropValue;
  /**
   * Central management of staff for businesses.
   */
  admin_console: PropValue;
  /**
   * A processing agreement (Art. 28 GDPR) on offer.
   */
  dpa: PropValue;
};

export type Alternative = {
  id: MessengerId;
  name: string;
  /**
   * 0..=100: how well it fits this visitor's needs.
   */
  fit: number;
  /**
   * Whether it is the messenger the visitor uses now.
   */
  current: boolean;
  summary: string;
  /**
   * Why it fits (positive) or what speaks against it (negative).
   */
  reasons: Array<Reason>;
  /**
   * What it costs the business.
   */
  cost: string;
  /**
   * The visitor's score if they used this messenger, all else equal; `None` for a
   * messenger the rules cannot judge (one that is not an option of `messenger`).
   */
  score_if_used: number | null;
  /**
   * The key facts side by side (`unknown` where no source could verify them). Their
   * labels, notes and sources do not depend on the answers: `engine::property_details`.
   */
  key_facts: KeyFacts;
  /**
   * The sources of the facts its summary and cost state.
   */
  sources?: Array<SourceRef>;
};

export type CatalogRef = {
  version: string;
  as_of: string;
};

/**
 * The result of `assess`: everything a front-end shows.
 */
export type Assessment = {
  /**
   * 0..=100, higher is riskier: the sum of the factors' points. There is no cap: the
   * catalog's points are set so that the worst setup the questions allow reaches at most
   * 100 (checked when the catalog loads), so a worse setup always scores higher.
   */
  score: number;
  /**
   * The band of the score. While `provisional`, the open questions could still move the
   * score into a higher band (up to `band_max`): show the range, not a verdict.
   */
  band: Band;
  /**
   * Whether the band can still change: `band` (of the lowest reachable score) and
   * `band_max` (of the highest) differ. Then no verdict is given yet.
   */
  provisional: boolean;
  /**
   * The band of `range.max`: the highest band the open questions can still lead to.
   */
  band_max: Band;
  /**
   * The band's name and advice in the assessment's language.
   */
  band_label: string;
  band_advice: string;
  /**
   * Lowest and highest score still reachable by answering the open questions.
   */
  range: Range;
  /**
   * The sum of the factors' points: equal to `score` (kept for readers of catalog
   * 2026.11.0, which capped the score at 100).
   */
  points: number;
  progress: Progress;
  /**
   * The questions that apply to these answers now, in the order they are asked.
   */
  applicable: Array<string>;
  /**
   * What drives the score, largest first.
   */
  factors: Array<Factor>;
  /**
   * Steps that lower this visitor's score, most effective first.
   */
  measures: Array<MeasureResult>;
  /**
   * Messengers ranked by fit for this visitor.
   */
  alternatives: Array<Alternative>;
  /**
   * Single answer changes that lower the score most.
   */
  what_if: Array<WhatIf>;
  /**
   * Questions answered with an option that decides nothing yet (`messenger: undecided`):
   * they count as open, so there is no verdict; the alternatives help to choose.
   */
  undecided?: Array<string>;
  catalog: CatalogRef;
  lang: Lang;
  /**
   * How the score is computed, for the visitor.
   */
  formula: string;
  /**
   * One calm line: this is not legal advice.
   */
  disclaimer: string;
};

/** The four templates. */
export type DocumentId = "policy" | "consent" | "record" | "checklist";

/**
 * A run of text, or a marked blank (filled with the visitor's value, or not).
 */
export type DocumentPart =
  | {
    text: string;
  }
  | {
    /**
     * The blank's id (`company`, `address`, …).
     */
    blank: BlankId;
    /**
     * What belongs there, in the document's language.
     */
    label: string;
    value?: string;
  };

/**
 * How far a measure of the record is in place, by the answers (checklist items: `done` or
 * `open`).
 */
export type DocumentStatus = "done" | "partial" | "missing" | "open" | "note";

/**
 * A fact of the setup description that holds, with the facts it links to that hold (a
 * category's purposes and bases, a purpose's subjects and bases, a consent's bases, …).
 */
export type DocumentFact = {
  /**
   * `kind:name`, e.g. `category:health`, `basis:art9_consent`, `consent:release`.
   */
  id: string;
  /**
   * The facts it links to that hold (absent when none).
   */
  links?: Array<string>;
};

export type DocumentItem = {
  title?: Array<DocumentPart>;
  parts: Array<DocumentPart>;
  /**
   * Where to find the setting (checklists).
   */
  where?: Array<DocumentPart>;
  status?: DocumentStatus;
  /**
   * The status in words ("missing", "done according to your answers").
   */
  label?: string;
  /**
   * The measure (measures.json) this step carries out.
   */
  measure?: string;
  sources: Array<number>;
  /**
   * The facts of the setup description the item states: its fact and the legal bases it
   * names (`Document::setup`).
   */
  refs?: Array<string>;
};

export type DocumentBlock =
  | {
    "type": "paragraph";
    parts: Array<DocumentPart>;
    sources: Array<number>;
  }
  | {
    "type": "note";
    parts: Array<DocumentPart>;
    sources: Array<number>;
  }
  | {
    "type": "list";
    items: Array<DocumentItem>;
  }
  | {
    "type": "checklist";
    items: Array<DocumentItem>;
  };

export type DocumentSection = {
  id: string;
  heading: Array<DocumentPart>;
  blocks: Array<DocumentBlock>;
  /**
   * The facts of the setup description the section states (its paragraphs' and items').
   */
  refs?: Array<string>;
};

export type DocumentLabels = {
  /**
   * Before where to find a setting.
   */
  where: string;
  /**
   * Before an instruction to the business.
   */
  note: string;
};

/**
 * A filled template: what `documents()` returns, the JS API gives as JSON and the renderers
 * write.
 */
export type TemplateDocument = {
  id: DocumentId;
  lang: Lang;
  title: Array<DocumentPart>;
  /**
   * "Template · catalog 2026.11.2, facts as of 23 November 2026".
   */
  meta: string;
  /**
   * One line: a template, not legal advice.
   */
  disclaimer: string;
  /**
   * An embedder's note (catalog overrides), if any.
   */
  note?: string;
  sections: Array<DocumentSection>;
  /**
   * Whether the text cites its sources by number (`[1]`); the customer-facing template
   * does not, and its source list says it is not for customers.
   */
  cite: boolean;
  sources_heading: string;
  /**
   * The sources the document rests on; blocks cite them by number (1-based).
   */
  sources: Array<SourceRef>;
  /**
   * The words renderers put around parts: "Where", "Note".
   */
  labels: DocumentLabels;
  catalog: CatalogRef;
  /**
   * The setup description the document was built from: the facts that hold for these
   * answers, the same for every document of the set (`setup`).
   */
  setup: Array<DocumentFact>;
};

// The inputs: mount()'s, evaluate()'s and documents()'s options (engine/src/contract/).

/** Text in one or more languages; one is enough, it stands in for the others. */
export type LangTexts = Partial<Record<Lang, string>>;

/** The colour scheme: fixed, or `auto`: the host page's `color-scheme` (light if it declares none; the system's with `light dark`). */
export type Scheme = "light" | "dark" | "auto";

/**
 * The theme: a scheme, or CSS values for the documented custom properties (set on the widget's
 * root; the host page's CSS may set the same `--mc-*` properties). A value the browser would
 * drop, or one that refers to something else (`var()`, `url()`), is an Error naming the field.
 */
export interface Theme {
  scheme?: Scheme;
  /** `--mc-accent`: a CSS color value. */
  accent?: string;
  /** `--mc-text`: a CSS color value. */
  text?: string;
  /** `--mc-bg`: a CSS color value. */
  background?: string;
  /** `--mc-font`: a CSS font-family value. */
  font?: string;
  /** `--mc-radius`: a CSS border-radius value. */
  radius?: string;
  /** `--mc-space`: a CSS padding value. */
  spacing?: string;
}

/** What `documents()` writes: the structured documents, or their text. */
export type DocumentFormat = "json" | "markdown" | "html";

/**
 * An embedder's changes to the catalog. A bad override throws an Error naming the field;
 * nothing is half-applied.
 */
export type CatalogOverrides = {
  /**
   * Language to text key to text. Keys: `ui.<key>`, `disclaimer`, `formula`,
   * `section.<id>`, `question.<id>.title|why`, `option.<question>.<option>.label|hint`,
   * `rule.<id>.title|text`, `measure.<id>.title|text`, `messenger.<id>.summary|operator|cost`,
   * `band.<id>.label|advice`; every one of them in docs/text-keys.md.
   */
  texts?: Partial<Record<Lang, Partial<Record<TextKey, string>>>>;
  /**
   * Which alternatives are recommended.
   */
  alternatives?: AlternativeOverrides;
  /**
   * A link such as "Beratung anfragen" to the embedder's contact page.
   */
  call_to_action?: CtaOverride;
  /**
   * The templates (`documents()`, the widget's section): switch some or `"all"` off, or add
   * a note under each template's title.
   */
  templates?: TemplateOverrides;
};

/**
 * Which alternatives are recommended.
 */
export type AlternativeOverrides = {
  /**
   * Exactly these are recommended (in the catalog's order of fit).
   */
  recommend?: MessengerId[];
  /**
   * These are never recommended.
   */
  hide?: MessengerId[];
};

/**
 * A call to action: a link to the embedder's contact page.
 */
export type CtaOverride = {
  /**
   * The link's text; one language is enough, it stands in for the other.
   */
  label: LangTexts;
  /**
   * https://, http://, mailto: or a path starting with /
   */
  url: string;
};

/**
 * The embedder's say over the templates.
 */
export type TemplateOverrides = {
  /**
   * Template ids to switch off, or `"all"`.
   */
  hide?: (DocumentId | "all")[];
  /**
   * A note under each template's title (one language is enough; at most 500 characters).
   */
  note?: LangTexts;
};

/**
 * The options of `mount()`. Every option is checked before anything renders: a bad one
 * throws an Error that names it (`field`), and the element stays as it was.
 */
export type MountOptions = {
  /**
   * The language to start in; the main language (the first of `LANGUAGES`) by default.
   */
  lang?: Lang;
  /**
   * Answers to start with (prefilled).
   */
  answers?: Answers;
  /**
   * Overrides: texts, recommended or hidden alternatives, a call to action, the templates.
   */
  catalog?: CatalogOverrides;
  /**
   * The theme: "light" | "dark" | "auto", or colours, font, radius, spacing.
   */
  theme?: Scheme | Theme;
  /**
   * Called after the first render and after every change of answers or language (a
   * function: the bindings read it themselves).
   */
  onChange?: (assessment: Assessment, answers: Answers) => void;
  /**
   * Adopt the widget's stylesheet into the element's document or shadow root (default
   * true; the npm package reads it).
   */
  styles?: boolean;
  /**
   * Read a share link from `location.hash`, and offer the visitor a link with the answers,
   * which goes into the page's address only once the visitor asks for it (until "forget").
   */
  shareLink?: boolean;
};

/**
 * The options of `evaluate()`.
 */
export type EvaluateOptions = {
  /**
   * The language of the assessment's texts; the main language (the first of `LANGUAGES`) by default.
   */
  lang?: Lang;
};

/**
 * The options of `documents()`.
 */
export type DocumentsOptions = {
  /**
   * The language of the documents; the main language (the first of `LANGUAGES`) by default.
   */
  lang?: Lang;
  /**
   * Blank id to text, e.g. `{ company: "Müller GmbH" }` (`null`: left blank); an unknown
   * blank id is an error.
   */
  blanks?: Partial<Record<BlankId, string | null>>;
  /**
   * "json" (the default: the structured documents), "markdown" or "html" (the text
   * `assess --document` prints).
   */
  format?: DocumentFormat;
};
