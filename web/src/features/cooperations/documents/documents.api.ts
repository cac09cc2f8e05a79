import { api, unwrap, type Schemas } from '../../../lib/api';

export type CooperationDocument = Schemas['CooperationDocument'];
export type DocumentBody = Schemas['DocumentBody'];
export type DocumentSection = Schemas['DocumentSection'];
export type DocumentCreate = Schemas['DocumentCreate'];
export type DocumentType = CooperationDocument['type'];
export type Clause = NonNullable<DocumentSection['clause']>;
export type Template = Schemas['DocumentTemplate'];
export type TemplateType = Template['type'];
export type Comparison = Schemas['DocumentComparison'];
export type Checklist = Schemas['DocumentChecklist'];

export const DOCUMENT_TYPES: DocumentType[] = [
  'KSB', 'NK', 'PKS', 'LOI', 'MOU', 'ADENDUM', 'RENCANA_KERJA', 'PLAN_OF_ACTION', 'SURAT_PENAWARAN', 'SURAT_JAWABAN', 'KAK', 'STUDI_KELAYAKAN',
  'SURAT_PERMOHONAN_DPRD', 'PERSETUJUAN_DPRD', 'PERMOHONAN_PERSETUJUAN_MENTERI', 'PERSETUJUAN_MENTERI', 'SURAT_KONFIRMASI_KEMLU', 'FULL_POWER',
  'SURAT_KUASA', 'BERITA_ACARA', 'SURAT_PENGAKHIRAN', 'SK_KEPALA_DAERAH', 'LAPORAN', 'LAINNYA',
];
export const TEMPLATE_TYPES: TemplateType[] = [
  'KSB', 'NK', 'PKS', 'MOU', 'LOI', 'ADENDUM', 'RENCANA_KERJA', 'SURAT_PENAWARAN', 'SURAT_PERMOHONAN_DPRD', 'BERITA_ACARA', 'SURAT_KUASA', 'SURAT_PENGAKHIRAN',
];
export const CLAUSES: Clause[] = [
  'PARA_PIHAK', 'DASAR_PERTIMBANGAN', 'MAKSUD_TUJUAN', 'OBJEK_RUANG_LINGKUP', 'HAK_KEWAJIBAN', 'PELAKSANAAN', 'JANGKA_WAKTU', 'PEMBIAYAAN',
  'MONITORING_EVALUASI', 'KEADAAN_KAHAR', 'PENYELESAIAN_PERSELISIHAN', 'PERUBAHAN', 'PENGAKHIRAN', 'SANKSI', 'PENUTUP',
];
export const STATUSES: CooperationDocument['status'][] = ['DRAFT', 'FINAL', 'SIGNED'];
export const SIGNING_METHODS: NonNullable<CooperationDocument['signingMethod']>[] = ['DESK_TO_DESK', 'CEREMONIAL', 'HYBRID'];
export const SIGNATURE_KINDS: NonNullable<CooperationDocument['signatureKind']>[] = ['WET', 'TTE_BSRE', 'OTHER'];
export const WET_CHECKS = ['paraf', 'materai', 'stempel'] as const;

export const documentsKey = (cooperationId: string) => ['cooperations', 'documents', cooperationId] as const;

export const fetchDocuments = (id: string) => unwrap(api.GET('/api/cooperations/{id}/documents', { params: { path: { id } } }));

export const addDocument = (id: string, body: DocumentCreate) => unwrap(api.POST('/api/cooperations/{id}/documents', { params: { path: { id } }, body }));

export const setOwnNumber = (id: string, documentId: string, number: string) =>
  unwrap(api.PUT('/api/cooperations/{id}/documents/{documentId}/numbers', { params: { path: { id, documentId } }, body: { number } }));

export const generateDraft = (id: string, body: Schemas['DraftCreate']) => unwrap(api.POST('/api/cooperations/{id}/drafts', { params: { path: { id } }, body }));

export const fetchChecklist = (id: string, documentId: string) =>
  unwrap(api.GET('/api/cooperations/{id}/documents/{documentId}/checklist', { params: { path: { id, documentId } } }));

export const compareDocuments = (id: string, from: string, to: string) =>
  unwrap(api.GET('/api/cooperations/{id}/documents/compare', { params: { path: { id }, query: { from, to } } }));

/** Uploads through the files module first (the file belongs to the uploader's organisation), then the caller attaches it. */
export const uploadFile = (file: File) =>
  unwrap(
    api.POST('/api/files', {
      body: { file: '' },
      bodySerializer: () => {
        const form = new FormData();
        form.append('file', file);

        return form;
      },
    }),
  );

/** A plain link: the browser sends the session cookie and saves the attachment. */
export const downloadUrl = (id: string, documentId: string, format: 'docx' | 'pdf' | 'original') =>
  `/api/cooperations/${encodeURIComponent(id)}/documents/${encodeURIComponent(documentId)}/download?format=${format}`;

export const templatesKey = ['document-templates'] as const;
export const fetchTemplates = () => unwrap(api.GET('/api/document-templates', { params: { query: {} } }));
export const publishTemplate = (body: Schemas['DocumentTemplateCreate']) => unwrap(api.POST('/api/document-templates', { body }));
