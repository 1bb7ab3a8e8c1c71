import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { tabStream } from './event-stream';

/** Opens the tab's event stream while someone is signed in; closes it on sign-out or unmount. */
export function LiveProvider() {
  const client = useQueryClient();
  useEffect(() => {
    const connection = tabStream(client);
    connection.start();
    return () => connection.stop();
  }, [client]);
  return null;
}
