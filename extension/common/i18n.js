// User-facing strings of the extension's own UI, Indonesian first. Findings bring their own
// message/suggestion (and *_en) from the library.
(() => {
  const STRINGS = {
    id: {
      ignore: "Abaikan",
      allowWord: "Jangan peringatkan kata ini lagi",
      reference: "Dasar",
      suggestion: "Saran",
      severity: { error: "Pelanggaran berat", warning: "Berisiko", info: "Catatan" },
      lowered: "Hanya catatan: kata-katanya cocok dengan aturan, tetapi kalimat di sekitarnya tidak " +
        "mirip unggahan yang melanggar.",
      confirmTitle: "Sebentar sebelum dikirim",
      confirmBody: (n, cats) =>
        `Tulisan ini memuat ${n} hal yang berisiko melanggar kode etik ASN (${cats}). ` +
        "Anda tetap bisa mengirimnya.",
      confirmEdit: "Kembali menyunting",
      confirmSend: "Tetap kirim",
      badgeTitle: (n) => `Bijak: ${n} temuan`,
      state: { loading: "Memuat pemeriksa…", ready: "Siap", error: "Galat", off: "Nonaktif" },
      siteOn: "Aktif di situs ini",
      engine: "Pemeriksa",
      categories: "Kategori",
      options: "Pengaturan",
      demo: "Coba di halaman demo",
      language: "Bahasa",
      languageAuto: "Ikuti peramban",
      allowlist: "Kata yang tidak diperingatkan",
      allowHint: "Satu kata atau frasa per baris. Disimpan hanya di perangkat ini.",
      enforcement: "Saat mengirim tulisan bermasalah",
      enforcementModes: {
        off: "Jangan menahan",
        confirm: "Minta konfirmasi untuk pelanggaran berat",
        "confirm-warning": "Minta konfirmasi juga untuk yang berisiko",
      },
      save: "Simpan",
      saved: "Tersimpan",
      managed: "Sebagian pengaturan ditetapkan oleh instansi Anda.",
      privacy: "Semua pemeriksaan berjalan di perangkat Anda. Tidak ada yang dikirim ke mana pun.",
    },
    en: {
      ignore: "Dismiss",
      allowWord: "Don't warn me about this word again",
      reference: "Rule",
      suggestion: "Suggestion",
      severity: { error: "Serious breach", warning: "Risky", info: "Note" },
      lowered: "Only a note: the words match a rule, but the sentences around them do not read " +
        "like posts that breach the code.",
      confirmTitle: "One moment before posting",
      confirmBody: (n, cats) =>
        `This post contains ${n} item(s) that may breach the civil-service code of conduct ` +
        `(${cats}). You can still post it.`,
      confirmEdit: "Go back and edit",
      confirmSend: "Post anyway",
      badgeTitle: (n) => `Bijak: ${n} finding(s)`,
      state: { loading: "Loading checker…", ready: "Ready", error: "Error", off: "Off" },
      siteOn: "On for this site",
      engine: "Checker",
      categories: "Categories",
      options: "Settings",
      demo: "Try the demo page",
      language: "Language",
      languageAuto: "Follow the browser",
      allowlist: "Words never flagged",
      allowHint: "One word or phrase per line. Stored on this device only.",
      enforcement: "When posting a flagged text",
      enforcementModes: {
        off: "Never pause",
        confirm: "Ask to confirm on serious breaches",
        "confirm-warning": "Ask to confirm on risky items too",
      },
      save: "Save",
      saved: "Saved",
      managed: "Some settings are set by your agency.",
      privacy: "All checks run on your device. Nothing is sent anywhere.",
    },
  };

  const CATEGORY_LABELS = {
    flexing: ["Pamer kemewahan", "Flaunting wealth"],
    netralitas: ["Netralitas politik", "Political neutrality"],
    "ujaran-kebencian": ["Ujaran kebencian", "Hate speech"],
    sara: ["SARA", "Ethnic/religious/racial hostility"],
    hoaks: ["Hoaks", "Hoax / misinformation"],
    provokasi: ["Provokasi", "Incitement"],
    pornografi: ["Pornografi", "Pornography"],
    penghinaan: ["Penghinaan", "Insult / defamation"],
    ancaman: ["Ancaman", "Threat"],
    kerahasiaan: ["Kerahasiaan & data pribadi", "Confidentiality & personal data"],
    kesantunan: ["Kesantunan", "Courtesy"],
    "etika-kerja": ["Etika kerja", "Work ethics"],
    gratifikasi: ["Gratifikasi", "Gratification"],
    "penyalahgunaan-wewenang": ["Penyalahgunaan wewenang", "Abuse of authority"],
    "fasilitas-negara": ["Fasilitas negara", "State facilities"],
    perjudian: ["Perjudian", "Gambling"],
  };

  function strings(lang) {
    return STRINGS[lang] ?? STRINGS.id;
  }

  function categoryLabel(id, lang) {
    const pair = CATEGORY_LABELS[id];
    if (!pair) return id;
    return lang === "en" ? pair[1] : pair[0];
  }

  globalThis.BijakI18n = { strings, categoryLabel };
})();
