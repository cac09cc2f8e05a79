/**
 * Vocabulary for the generated register: cooperation topics as pemda write them, with the urusan
 * they belong to, and sentence patterns for document text. Generated text reads like the
 * boilerplate of real KSD documents so that Indonesian full-text search meets realistic stems
 * ("pengelolaan", "kelola") and realistic term frequencies.
 */
export type Topic = {
  subject: string;
  urusan: string[];
  category: 'PELAYANAN_PUBLIK' | 'INFRASTRUKTUR' | 'ASET' | 'INVESTASI' | 'LAINNYA';
  objects: string[];
  scope: string[];
};

export const TOPICS: Topic[] = [
  {
    subject: 'Pengelolaan Sampah Regional',
    urusan: ['2.11', '1.03'],
    category: 'PELAYANAN_PUBLIK',
    objects: ['tempat pemrosesan akhir sampah regional', 'armada pengangkutan sampah', 'bank sampah dan tempat pengolahan sampah terpadu'],
    scope: ['pengangkutan sampah dari tempat penampungan sementara', 'pengolahan sampah menjadi kompos dan bahan bakar', 'pembagian biaya operasional tempat pemrosesan akhir'],
  },
  {
    subject: 'Penyediaan Air Minum',
    urusan: ['1.03', '1.04'],
    category: 'INFRASTRUKTUR',
    objects: ['sistem penyediaan air minum lintas wilayah', 'instalasi pengolahan air dan jaringan transmisi', 'sambungan rumah bagi masyarakat berpenghasilan rendah'],
    scope: ['pembangunan jaringan pipa transmisi', 'pengoperasian instalasi pengolahan air', 'penetapan tarif curah air minum'],
  },
  {
    subject: 'Pembangunan dan Pemeliharaan Jalan Poros',
    urusan: ['1.03', '2.15'],
    category: 'INFRASTRUKTUR',
    objects: ['ruas jalan poros antarkabupaten', 'jembatan penghubung di perbatasan wilayah', 'jalan usaha tani dan jalan desa'],
    scope: ['peningkatan struktur jalan', 'pemeliharaan rutin dan berkala', 'pengawasan beban kendaraan angkutan barang'],
  },
  {
    subject: 'Pelayanan Kesehatan Rujukan',
    urusan: ['1.02'],
    category: 'PELAYANAN_PUBLIK',
    objects: ['rumah sakit umum daerah rujukan regional', 'layanan ambulans gawat darurat terpadu', 'puskesmas di kawasan perbatasan'],
    scope: ['rujukan pasien antarwilayah', 'penempatan dokter spesialis', 'pembiayaan pelayanan bagi penduduk wilayah mitra'],
  },
  {
    subject: 'Pengembangan Kawasan Pariwisata',
    urusan: ['3.26', '2.22'],
    category: 'INVESTASI',
    objects: ['kawasan wisata alam dan budaya', 'paket wisata sungai dan pegunungan', 'pusat informasi pariwisata bersama'],
    scope: ['promosi destinasi bersama', 'pengembangan desa wisata', 'pelatihan pemandu dan pelaku usaha pariwisata'],
  },
  {
    subject: 'Penanggulangan Bencana dan Pengendalian Banjir',
    urusan: ['1.05', '1.03'],
    category: 'PELAYANAN_PUBLIK',
    objects: ['daerah aliran sungai lintas wilayah', 'sistem peringatan dini banjir', 'tanggul dan kolam retensi'],
    scope: ['pemetaan kawasan rawan bencana', 'normalisasi sungai', 'penyiapan logistik dan posko bersama'],
  },
  {
    subject: 'Peningkatan Mutu Pendidikan',
    urusan: ['1.01'],
    category: 'PELAYANAN_PUBLIK',
    objects: ['sekolah di kawasan perbatasan', 'beasiswa bagi siswa berprestasi', 'pelatihan guru dan tenaga kependidikan'],
    scope: ['penerimaan siswa dari wilayah mitra', 'pertukaran guru', 'penyediaan asrama siswa'],
  },
  {
    subject: 'Transportasi Umum Antarwilayah',
    urusan: ['2.15'],
    category: 'PELAYANAN_PUBLIK',
    objects: ['angkutan umum perkotaan lintas batas', 'terminal tipe C bersama', 'dermaga dan angkutan sungai'],
    scope: ['penetapan trayek bersama', 'subsidi tarif angkutan', 'pemeliharaan halte dan terminal'],
  },
  {
    subject: 'Ketahanan Pangan dan Irigasi',
    urusan: ['2.09', '3.27'],
    category: 'INFRASTRUKTUR',
    objects: ['daerah irigasi lintas kabupaten', 'lumbung pangan masyarakat', 'sentra produksi padi dan jagung'],
    scope: ['rehabilitasi saluran irigasi', 'distribusi benih dan pupuk', 'pengendalian harga pangan pokok'],
  },
  {
    subject: 'Pemanfaatan Barang Milik Daerah',
    urusan: ['2.10', '3.30'],
    category: 'ASET',
    objects: ['gedung pasar daerah', 'lahan milik pemerintah daerah', 'rumah susun sewa'],
    scope: ['sewa dan kerja sama pemanfaatan aset', 'pembagian kontribusi tetap dan pembagian keuntungan', 'pemeliharaan aset selama jangka waktu kerja sama'],
  },
  {
    subject: 'Pelayanan Administrasi Kependudukan',
    urusan: ['2.12', '2.16'],
    category: 'PELAYANAN_PUBLIK',
    objects: ['layanan dokumen kependudukan keliling', 'integrasi data kependudukan', 'anjungan dukcapil mandiri'],
    scope: ['pemanfaatan data kependudukan', 'pelayanan bagi penduduk di wilayah perbatasan', 'pertukaran data secara elektronik'],
  },
  {
    subject: 'Pengembangan Usaha Mikro dan Koperasi',
    urusan: ['2.17', '3.31'],
    category: 'LAINNYA',
    objects: ['sentra usaha mikro kecil', 'koperasi produsen hasil hutan bukan kayu', 'pasar produk unggulan daerah'],
    scope: ['pelatihan dan pendampingan usaha', 'akses permodalan', 'pemasaran produk melalui kanal digital'],
  },
  {
    subject: 'Pengelolaan Kawasan Perbatasan',
    urusan: ['1.05', '2.13'],
    category: 'LAINNYA',
    objects: ['batas wilayah administrasi', 'pos pelayanan terpadu di perbatasan', 'pemberdayaan masyarakat desa perbatasan'],
    scope: ['penegasan batas daerah', 'pelayanan dasar bersama', 'keamanan dan ketertiban di kawasan perbatasan'],
  },
  {
    subject: 'Energi Terbarukan Desa',
    urusan: ['3.29', '2.13'],
    category: 'INVESTASI',
    objects: ['pembangkit listrik tenaga surya terpusat', 'pembangkit listrik tenaga mikrohidro', 'penerangan jalan umum tenaga surya'],
    scope: ['pembangunan pembangkit', 'pengelolaan oleh badan usaha milik desa', 'pemeliharaan dan penggantian suku cadang'],
  },
  {
    subject: 'Perlindungan Perempuan dan Anak',
    urusan: ['2.08', '1.06'],
    category: 'PELAYANAN_PUBLIK',
    objects: ['rumah aman bagi korban kekerasan', 'layanan pengaduan terpadu', 'pusat pembelajaran keluarga'],
    scope: ['penanganan kasus lintas wilayah', 'pendampingan hukum dan psikologis', 'pencegahan perkawinan anak'],
  },
  {
    subject: 'Pengembangan Perikanan dan Pelabuhan',
    urusan: ['3.25', '2.15'],
    category: 'INFRASTRUKTUR',
    objects: ['pelabuhan perikanan pantai', 'tempat pelelangan ikan', 'budidaya perikanan air tawar'],
    scope: ['pembangunan fasilitas pelabuhan', 'rantai dingin hasil perikanan', 'pelatihan nelayan dan pembudidaya'],
  },
];

/** Sentence patterns; {subject}, {object}, {scope}, {place}, {partner} and {year} are filled per document. */
export const SENTENCES = [
  'Para pihak sepakat untuk melaksanakan kerja sama {subject} di wilayah {place}.',
  'Objek kerja sama ini adalah {object} yang dimanfaatkan bersama untuk kepentingan masyarakat.',
  'Ruang lingkup kerja sama meliputi {scope}, sesuai dengan kewenangan masing-masing pihak.',
  'Pelaksanaan kegiatan dikoordinasikan oleh perangkat daerah yang membidangi urusan terkait.',
  'Pembiayaan kerja sama dibebankan pada anggaran pendapatan dan belanja daerah tahun anggaran {year} serta sumber lain yang sah dan tidak mengikat.',
  'Para pihak berkewajiban menyampaikan laporan pelaksanaan secara berkala kepada kepala daerah.',
  'Monitoring dan evaluasi dilaksanakan paling sedikit satu kali dalam satu tahun oleh tim koordinasi kerja sama daerah.',
  'Dalam hal terjadi keadaan kahar, pihak yang mengalaminya wajib memberitahukan secara tertulis kepada pihak lainnya.',
  'Perselisihan yang timbul diselesaikan secara musyawarah untuk mufakat sebelum ditempuh penyelesaian lainnya.',
  'Perubahan terhadap kesepakatan ini dituangkan dalam adendum yang merupakan bagian tidak terpisahkan.',
  'Kerja sama dapat diakhiri sebelum jangka waktunya apabila tujuan telah tercapai atau para pihak sepakat mengakhirinya.',
  'Hasil kajian tim koordinasi kerja sama daerah menunjukkan bahwa {subject} layak dilaksanakan bersama {partner}.',
  'Kerangka acuan kerja menguraikan latar belakang, maksud dan tujuan, sasaran, serta keluaran {subject}.',
  'Kebutuhan masyarakat di {place} terhadap {object} terus meningkat setiap tahun.',
  'Pemerintah daerah menyiapkan data dukung berupa dokumen perencanaan, peta lokasi, dan rencana anggaran biaya.',
  'Penandatanganan dilaksanakan oleh kepala daerah atau pejabat yang diberi kuasa sesuai ketentuan peraturan perundang-undangan.',
  'Berita acara ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana mestinya.',
  'Pihak kedua menyediakan tenaga ahli, peralatan, dan pendampingan teknis selama masa kerja sama.',
  'Hak atas aset yang dibangun dalam rangka kerja sama diatur sesuai ketentuan pengelolaan barang milik daerah.',
  'Dewan Perwakilan Rakyat Daerah memberikan persetujuan atas rencana kerja sama yang membebani masyarakat dan daerah.',
  'Jangka waktu kerja sama dihitung sejak tanggal penandatanganan perjanjian kerja sama oleh para pihak.',
  'Kinerja layanan diukur dengan indikator cakupan, mutu, dan kepuasan masyarakat penerima manfaat.',
  'Rencana kerja memuat jadwal kegiatan, penanggung jawab, dan kebutuhan anggaran setiap tahap.',
  'Surat penawaran ini disampaikan sebagai tindak lanjut pembahasan awal antara para pihak di {place}.',
];

export const GIVEN_NAMES = ['Ahmad', 'Siti', 'Muhammad', 'Nur', 'Budi', 'Dewi', 'Rahmat', 'Fitri', 'Hendra', 'Yuliana', 'Agus', 'Ratna', 'Syahrul', 'Wahyu', 'Indah', 'Andi', 'Yohanes', 'Maria', 'Made', 'Ketut'];
export const FAMILY_NAMES = ['Hidayat', 'Rahmawati', 'Saputra', 'Lestari', 'Santoso', 'Wijaya', 'Nasution', 'Siregar', 'Hasibuan', 'Pratama', 'Kurniawan', 'Wenda', 'Tabuni', 'Pandjaitan', 'Mahmud', 'Arifin'];

export const PARTNER_PREFIXES = ['PT', 'PT', 'PT', 'CV', 'Koperasi', 'Yayasan', 'Universitas', 'Perumda'];
export const PARTNER_WORDS = ['Nusantara', 'Banua', 'Tirta', 'Karya', 'Mandiri', 'Sejahtera', 'Lestari', 'Abadi', 'Cahaya', 'Makmur', 'Borneo', 'Papua', 'Andalas', 'Sriwijaya', 'Mitra', 'Bangun', 'Energi', 'Agro', 'Samudra', 'Persada'];
export const FOREIGN_CITIES = ['Riverbend', 'Northport', 'Lakeside', 'Greenvale', 'Eastwick', 'Harborview', 'Stonebridge', 'Westfield', 'Maple Ridge', 'Clearwater'];
export const FOREIGN_COUNTRIES = ['AU', 'NL', 'JP', 'KR', 'DE', 'NZ', 'MY', 'SG', 'FR', 'US'];
export const MINISTRIES = [
  'Kementerian Pekerjaan Umum',
  'Kementerian Kesehatan',
  'Kementerian Pendidikan Dasar dan Menengah',
  'Kementerian Perhubungan',
  'Kementerian Pertanian',
  'Kementerian Kelautan dan Perikanan',
  'Kementerian Pariwisata',
  'Kementerian Desa dan Pembangunan Daerah Tertinggal',
  'Kementerian Lingkungan Hidup',
  'Kementerian Energi dan Sumber Daya Mineral',
  'Badan Nasional Penanggulangan Bencana',
  'Kementerian Koperasi',
];

/** Full-text queries the register is searched with: single stems, phrases, and a rare term. */
export const SEARCH_TERMS = [
  'sampah',
  'air minum',
  'jalan poros',
  'pariwisata',
  'rumah sakit rujukan',
  'irigasi',
  'banjir',
  'pendidikan guru',
  'perbatasan',
  'pelabuhan perikanan',
  'pengelolaan aset',
  'angkutan sungai',
  'mikrohidro',
  'kependudukan',
];
