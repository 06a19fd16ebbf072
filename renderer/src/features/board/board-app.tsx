import { useEffect } from 'react';
import { Board } from './board.js';
import { connectBoard, savedToken } from './board-client.js';
import { useBoard } from './board-state.js';
import { BoardLogin } from './board-login.js';
import './board.css';

/** The hub-served supervisor board: a login, then the live board. */
export function BoardApp() {
  const connection = useBoard((v) => v.connection);
  useEffect(() => {
    if (savedToken() !== null) connectBoard();
  }, []);
  return connection === 'login' || connection === 'forbidden' ? <BoardLogin /> : <Board />;
}
