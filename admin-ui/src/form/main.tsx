import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { FormRoot } from './LinkPage';
import './form.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {/* The identity-documents form, or the page of a recovery mail's link (#/link/<token>). */}
    <FormRoot />
  </StrictMode>,
);
